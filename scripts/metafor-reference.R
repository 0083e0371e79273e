# Reference numbers from R's metafor for src/lib/meta-analysis.ts (checked by tests/unit/meta-analysis.test.ts).
#
# Rerun from the repository root:   Rscript scripts/metafor-reference.R
# Needs R with metafor and jsonlite (Debian: apt-get install r-base-core r-cran-metafor r-cran-jsonlite).
# Reads  tests/fixtures/meta-analysis/cases.json            (made by: npx tsx scripts/meta-analysis-cases.ts)
# Writes tests/fixtures/meta-analysis/metafor-reference.json (commit it: the tests then need no R).
#
# For every case, method (REML, DL), test (z, knha) and level (95, 90) it records what rma() and predict()
# give. It also records R's qnorm, qt, pnorm, pt and pchisq on a grid, to check the TypeScript versions.
# Numbers are written with 17 significant digits ("%.17g"), so every double reads back exactly;
# jsonlite is only used to read the cases because its writer stops at 15 digits.

suppressPackageStartupMessages({
  library(metafor)
  library(jsonlite)
})

cases_path <- "tests/fixtures/meta-analysis/cases.json"
out_path <- "tests/fixtures/meta-analysis/metafor-reference.json"
if (!file.exists(cases_path)) stop("Run from the repository root: ", cases_path, " not found")
cases <- fromJSON(cases_path, simplifyVector = FALSE)$cases

# --- a small JSON writer: named list -> object, unnamed list -> array, length-1 atomic -> scalar ---
json_string <- function(s) paste0('"', gsub('"', '\\\\"', gsub("\\\\", "\\\\\\\\", s)), '"')
json_scalar <- function(x) {
  if (is.null(x) || length(x) == 0) return("null")
  # JSON has no Infinity or NaN: they are written as the strings "Infinity", "-Infinity" and "NaN".
  if (is.nan(x)) return('"NaN"')
  if (is.na(x)) return("null")
  if (is.character(x)) return(json_string(x))
  if (is.logical(x)) return(if (x) "true" else "false")
  if (is.infinite(x)) return(if (x > 0) '"Infinity"' else '"-Infinity"')
  sprintf("%.17g", x)
}
to_json <- function(x, indent = "") {
  inner <- paste0(indent, "  ")
  if (is.list(x) && !is.null(names(x))) {
    items <- vapply(names(x), function(n) paste0(inner, json_string(n), ": ", to_json(x[[n]], inner)), "")
    return(paste0("{\n", paste(items, collapse = ",\n"), "\n", indent, "}"))
  }
  if (is.list(x)) {
    if (length(x) == 0) return("[]")
    # Arrays of scalars stay on one line; arrays of objects get one line per item.
    if (all(vapply(x, function(v) !is.list(v), TRUE))) {
      return(paste0("[", paste(vapply(x, json_scalar, ""), collapse = ", "), "]"))
    }
    items <- vapply(x, function(v) paste0(inner, to_json(v, inner)), "")
    return(paste0("[\n", paste(items, collapse = ",\n"), "\n", indent, "]"))
  }
  if (length(x) > 1) stop("wrap vectors in as.list() to write them as arrays")
  json_scalar(x)
}

# --- the meta-analyses ---
fit_one <- function(case, method, test, level) {
  yi <- unlist(case$yi)
  vi <- unlist(case$vi)
  warnings <- character(0)
  # verbose = TRUE makes rma() print how many Fisher scoring iterations REML took; the printout is kept only for that.
  printed <- capture.output(fit <- withCallingHandlers(
    rma(yi, vi, method = method, test = test, level = level, verbose = TRUE),
    warning = function(w) {
      warnings <<- c(warnings, conditionMessage(w))
      invokeRestart("muffleWarning")
    }
  ))
  pred <- predict(fit)
  iter_line <- grep("converged after [0-9]+ iterations", printed, value = TRUE)
  iterations <- if (length(iter_line) == 1) as.integer(sub(".*converged after ([0-9]+) iterations.*", "\\1", iter_line)) else 0L
  list(
    case = case$name, method = method, test = fit$test, requestedTest = test, level = level,
    k = fit$k,
    estimate = c(fit$beta), se = fit$se, statistic = fit$zval, pval = fit$pval,
    df = if (is.na(fit$ddf)) NULL else fit$ddf,
    ciLow = fit$ci.lb, ciHigh = fit$ci.ub,
    tau2 = fit$tau2, i2 = fit$I2, h2 = fit$H2, q = fit$QE, qp = fit$QEp,
    piLow = pred$pi.lb, piHigh = pred$pi.ub,
    s2w = fit$s2w, iterations = if (method == "REML") iterations else 0L,
    warnings = as.list(warnings)
  )
}

results <- list()
for (case in cases) {
  for (method in c("REML", "DL")) {
    for (test in c("z", "knha")) {
      for (level in c(95, 90)) {
        results[[length(results) + 1]] <- fit_one(case, method, test, level)
      }
    }
  }
}

# The inputs exactly as R read them, so the test can tell when cases.json changed without a rerun here.
inputs <- lapply(cases, function(case) list(name = case$name, yi = as.list(unlist(case$yi)), vi = as.list(unlist(case$vi))))

# --- distribution functions on a grid ---
probs <- c(1e-300, 1e-20, 1e-10, 1e-5, 0.001, 0.01, 0.025, 0.05, 0.08, 0.1, 0.2, 0.3, 0.37, 0.45, 0.5, 0.55, 0.64, 0.7, 0.8, 0.9, 0.95, 0.975, 0.999, 1 - 1e-9)
qnorm_rows <- lapply(probs, function(p) list(p = p, q = qnorm(p)))
upper_probs <- c(1e-12, 1e-6, 0.0005, 0.005, 0.025, 0.05, 0.1, 0.25, 0.4)
# No df below 1: there R's own qt is off in the far tail (pt(qt(1e-12, 0.5), 0.5) is 9.9995e-13, not 1e-12).
dfs <- c(1:60, 2.5, 7.3, 75, 120, 1000, 1e5)
qt_rows <- list()
for (df in dfs) for (p in upper_probs) qt_rows[[length(qt_rows) + 1]] <- list(p = p, df = df, upper = qt(p, df, lower.tail = FALSE))
for (df in c(1, 3, 10)) for (p in c(0.2, 0.6, 0.975)) qt_rows[[length(qt_rows) + 1]] <- list(p = p, df = df, lower = qt(p, df))
tvals <- c(-3, -0.5, 0, 0.01, 0.7, 1.5, 2.2, 4, 12, 60)
pt_rows <- list()
for (df in c(1, 2, 3, 4, 9, 24, 59, 2.5, 300)) for (t in tvals) pt_rows[[length(pt_rows) + 1]] <- list(t = t, df = df, upper = pt(t, df, lower.tail = FALSE))
zvals <- c(-8, -2, -0.3, 0, 0.2, 1, 1.96, 3.5, 7, 20, 37)
pnorm_rows <- lapply(zvals, function(z) list(z = z, upper = pnorm(z, lower.tail = FALSE)))
chisq_rows <- list()
for (df in c(1, 2, 3, 7, 14, 29, 59)) for (x in c(0.001, 0.5, 1, 3, 8, 20, 45, 100, 400)) chisq_rows[[length(chisq_rows) + 1]] <- list(x = x, df = df, upper = pchisq(x, df, lower.tail = FALSE))

out <- list(
  generatedBy = "Rscript scripts/metafor-reference.R",
  metafor = as.character(packageVersion("metafor")),
  R = R.version.string,
  cases = inputs,
  results = results,
  distributions = list(qnorm = qnorm_rows, qt = qt_rows, pt = pt_rows, pnorm = pnorm_rows, pchisq = chisq_rows)
)
writeLines(to_json(out), out_path, useBytes = TRUE)
cat("Wrote", length(results), "fits for", length(cases), "cases to", out_path, "with metafor", as.character(packageVersion("metafor")), "\n")
