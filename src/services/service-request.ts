/**
 * The request options the reports share, written once: the as-of day and which close, and for reports
 * over a group, the group and the file it may come from. Each service's request extends these.
 */

/** A report as of a day. */
export interface AsOfRequest {
  /** YYYY-MM-DD (default: the latest stored day); a non-trading day means the trading day before. */
  readonly asOf?: string | undefined;
  /** Read the adjusted close (dividends included) instead of the close. */
  readonly totalReturn?: boolean | undefined;
}

/** A report over a group of the universe config or an imported group file. */
export interface GroupRequest extends AsOfRequest {
  readonly group: string;
  readonly groupFile?: string | undefined;
}
