/** What the preview server tells its page (server-sent events and JSON), shared by both sides. */

export interface BuildReport {
  /** 1, 2, …: one per build, failed ones included. */
  version: number
  ok: boolean
  ms: number
  /** Diagnostics, worded in the user's language (`file:line:col: …`). */
  errors: string[]
  warnings: string[]
  /** The SCOs of the last good build, in order. */
  scos: { id: string; title: string }[]
}
