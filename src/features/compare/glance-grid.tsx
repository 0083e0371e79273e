import type { Glance, GlanceCell } from '../../selectors/select-glance';
import {
  OPTIONS,
  OPTION_LABELS,
  OPTION_STYLE,
  QUESTIONS,
  QUESTION_HINTS,
  QUESTION_LABELS,
  type OptionId,
  type QuestionId,
} from '../../selectors/options';
import { KIND_LABELS } from '../../data/vocabulary';
import { plural } from '../../lib/format';

export type CellRef = { option: OptionId; question: QuestionId };

type Props = {
  glance: Glance;
  /** The address of the table filtered to a cell's figures, so a cell is a real link. */
  hrefFor: (cell: CellRef) => string;
  onOpenCell: (cell: CellRef) => void;
};

function CellBody({ cell }: { cell: GlanceCell }) {
  return (
    <>
      {cell.headline ? (
        <span className="glance-headline">{cell.headline}</span>
      ) : (
        <span className="glance-empty">{cell.empty}</span>
      )}
      {cell.detail && <span className="glance-detail">{cell.detail}</span>}
      {cell.context && <span className="context-flag glance-context">{cell.context.text}</span>}
    </>
  );
}

/**
 * The summary-of-findings grid: options as columns, questions as rows. Every cell is a
 * link to the table filtered to exactly the figures it was computed from.
 */
export function GlanceGrid({ glance, hrefFor, onOpenCell }: Props) {
  return (
    <table className="glance" aria-describedby="glance-caveat">
      <caption className="visually-hidden">
        At a glance: each option against each question, computed from the figures shown
      </caption>
      <thead>
        <tr>
          <th scope="col">Question</th>
          {OPTIONS.map((o) => (
            <th key={o} scope="col" className={`glance-option glance-option--${o}`}>
              <span className={`option-key option-key--${o}`} aria-hidden="true">
                {OPTION_STYLE[o].shape === 'circle' ? '●' : OPTION_STYLE[o].shape === 'square' ? '■' : '◆'}
              </span>{' '}
              {OPTION_LABELS[o]}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {QUESTIONS.map((q) => (
          <tr key={q}>
            <th scope="row">
              <span className="glance-question">{QUESTION_LABELS[q]}</span>
              <span className="glance-hint">{QUESTION_HINTS[q]}</span>
            </th>
            {OPTIONS.map((o) => {
              const cell = glance[q][o];
              const count = cell.figureIds.length;
              return (
                <td key={o} data-option={OPTION_LABELS[o]} data-testid={`glance-${o}-${q}`}>
                  <CellBody cell={cell} />
                  {count > 0 && (
                    <a
                      className="glance-link"
                      href={hrefFor({ option: o, question: q })}
                      onClick={(event) => {
                        if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
                        event.preventDefault();
                        onOpenCell({ option: o, question: q });
                      }}
                    >
                      {plural(count, 'figure', 'figures')} from {plural(cell.sourceCount, 'source', 'sources')}
                      {cell.bestDesign && ` · best: ${KIND_LABELS[cell.bestDesign].toLowerCase()}`}
                      <span className="visually-hidden">
                        {' '}
                        — show them in the table ({OPTION_LABELS[o]}, {QUESTION_LABELS[q]})
                      </span>
                    </a>
                  )}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
