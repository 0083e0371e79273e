import { TIME_DOMAIN_DAYS, TIME_TICKS } from '../../selectors/select-time-series';

/** The data a chart needs so its x axis exists: the ends of the axis. */
export const TIME_AXIS_DATA = TIME_TICKS.map((t) => ({ x: t.days }));
export const PERCENT_AXIS_DATA = [{ x: 0 }, { x: 100 }];

/** Props of the shared logarithmic time axis (1 hour to 10 years, labelled 1 h … 5 years). */
export const TIME_AXIS_PROPS = {
  type: 'number',
  dataKey: 'x',
  scale: 'log',
  domain: [...TIME_DOMAIN_DAYS],
  allowDataOverflow: true,
  ticks: TIME_TICKS.map((t) => t.days),
  tickFormatter: (v: number) => TIME_TICKS.find((t) => Math.abs(t.days - v) < 1e-9)?.label ?? '',
} as const;

/** Props of the shared 0–100% axis. */
export const PERCENT_AXIS_PROPS = {
  type: 'number',
  dataKey: 'x',
  domain: [0, 100],
  ticks: [0, 25, 50, 75, 100],
  tickFormatter: (v: number) => `${v}%`,
} as const;
