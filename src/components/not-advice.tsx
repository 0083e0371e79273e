/** The one-line disclaimer shown where people read figures: under the header and in every details panel. */
export function NotAdvice() {
  return (
    <p className="not-advice">
      <strong>Not medical advice:</strong> these are group results from studies. Talk to a clinician before starting,
      stopping or changing treatment.
    </p>
  );
}
