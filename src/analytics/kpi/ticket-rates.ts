import { isMerged, isResolvedNow } from "./ticket-state.js";
import type { TicketTable } from "./ticket-table.js";

/**
 * Per-ticket outcomes of the rate metrics: 1 counts in numerator and denominator, 0 only in the
 * denominator, −1 leaves the ticket out (merged, missing field, not yet decidable).
 * Definitions and their rules: docs/metrics.md.
 */
export interface RateOutcomes {
  fcr: Int8Array;
  oneTouch: Int8Array;
  reopen: Int8Array;
  escalation: Int8Array;
  selfService: Int8Array;
  knowledge: Int8Array;
}

export const FCR_VARIANTS = ["one_reply", "one_customer_message"] as const;
export type FcrVariant = (typeof FCR_VARIANTS)[number];

export interface RateOptions {
  fcrVariant?: FcrVariant | undefined;
  /** Use the export's own FCR flag where present (default true); the variant decides elsewhere. */
  useExportFcrFlag?: boolean | undefined;
}

export function measureRates(t: TicketTable, options: RateOptions = {}): RateOutcomes {
  const n = t.length;
  const variant = options.fcrVariant ?? "one_reply";
  const useFlag = options.useExportFcrFlag ?? true;
  // Without a self-service flag, the channel decides (bot/FAQ contacts map to "self_service").
  const selfServiceChannel = t.channel.codeOf.get("self_service") ?? -2;
  const out: RateOutcomes = {
    fcr: new Int8Array(n),
    oneTouch: new Int8Array(n),
    reopen: new Int8Array(n),
    escalation: new Int8Array(n),
    selfService: new Int8Array(n),
    knowledge: new Int8Array(n),
  };
  for (let i = 0; i < n; i++) {
    if (isMerged(t, i)) {
      out.fcr[i] = out.oneTouch[i] = out.reopen[i] = -1;
      out.escalation[i] = out.selfService[i] = out.knowledge[i] = -1;
      continue;
    }
    const resolved = isResolvedNow(t, i);
    const reopens = t.reopenCount[i] as number;
    const replies = t.agentReplies[i] as number;

    out.fcr[i] = fcrOutcome(t, i, resolved, reopens, replies, variant, useFlag);
    // One-touch: solved or closed with fewer than two agent replies.
    out.oneTouch[i] = !resolved || replies < 0 ? -1 : replies < 2 ? 1 : 0;
    // Reopen: over tickets solved at least once (only those can be reopened).
    const everSolved = resolved || reopens > 0 || !Number.isNaN(t.firstResolvedAt[i] as number);
    out.reopen[i] = !everSolved || reopens < 0 ? -1 : reopens > 0 ? 1 : 0;
    out.escalation[i] = t.escalated[i] as number;
    out.knowledge[i] = t.knowledgeUsed[i] as number;
    const flag = t.selfService[i] as number;
    const channel = t.channel.codes[i] as number;
    out.selfService[i] = flag >= 0 ? flag : channel < 0 ? -1 : channel === selfServiceChannel ? 1 : 0;
  }
  return out;
}

/**
 * FCR precedence: the export's own flag (Zoho "Is First Call Resolution") when present and allowed,
 * since the vendor saw the whole conversation; otherwise the chosen variant over resolved
 * tickets. Unresolved tickets are left out: their outcome is not known yet.
 */
function fcrOutcome(
  t: TicketTable,
  i: number,
  resolved: boolean,
  reopens: number,
  replies: number,
  variant: FcrVariant,
  useFlag: boolean,
): number {
  const flag = t.fcrFlag[i] as number;
  if (useFlag && flag >= 0) return flag;
  if (!resolved) return -1;
  if (reopens > 0) return 0;
  const contacts = variant === "one_reply" ? replies : (t.customerMessages[i] as number);
  if (contacts < 0) return -1;
  // A missing reopen count is read as "not reopened": exports that track reopens always fill it.
  return contacts <= 1 ? 1 : 0;
}
