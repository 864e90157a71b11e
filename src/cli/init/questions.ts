import { isValidTimeZone } from "../../util/time-zone.js";
import { parseSchedule } from "./schedule.js";
import type { Choice } from "./types.js";

/** The `init` options that answer questions (commander's camelCase names). */
export interface SetupFlags {
  timezone?: string;
  hours?: string;
  holidays?: string;
  slaFirstResponse?: string;
  slaResolution?: string;
  csatTarget?: string;
  slaTarget?: string;
  glossary?: string;
  store?: string;
}

/** One question: the flag that answers it, the config key it fills, its default and its check. */
export interface Question {
  id: keyof SetupFlags;
  flag: string;
  key: string;
  message: string;
  defaultValue: string;
  choices?: Array<Choice<string>>;
  validate: (value: string) => true | string;
}

const DURATION = /^(?:\d+(?:\.\d+)?[dhms])+$/;
const duration = (v: string) => DURATION.test(v) || "expected a duration such as 30m, 8h or 3d";
const percent = (v: string) => {
  const n = Number(v);
  return (v.trim() !== "" && Number.isFinite(n) && n >= 0 && n <= 100) || "expected a number from 0 to 100";
};

/** The wizard's setup questions, in the order they are asked. */
export function setupQuestions(systemZone: string): Question[] {
  return [
    {
      id: "timezone",
      flag: "--timezone",
      key: "timezone",
      message: "Time zone of your exports (IANA name)",
      defaultValue: systemZone,
      validate: (v) => isValidTimeZone(v) || "expected an IANA time zone such as Asia/Tokyo",
    },
    {
      id: "hours",
      flag: "--hours",
      key: "business_hours.schedule",
      message: 'Business hours (e.g. "mon-fri 09:00-12:00,13:00-18:00; sat 10:00-15:00")',
      defaultValue: "mon-fri 09:00-18:00",
      validate: (v) => {
        const parsed = parseSchedule(v);
        return typeof parsed === "string" ? parsed : true;
      },
    },
    {
      id: "holidays",
      flag: "--holidays",
      key: "business_hours.holidays.japan",
      message: "Holiday calendar",
      defaultValue: "japan",
      choices: [
        { name: "Japanese national holidays (substitute holidays included)", value: "japan" },
        { name: "None (add company holidays to the file later)", value: "none" },
      ],
      validate: (v) => v === "japan" || v === "none" || "expected japan or none",
    },
    {
      id: "slaFirstResponse",
      flag: "--sla-first-response",
      key: "sla.targets.default.first_response",
      message: "SLA first-response target (business time)",
      defaultValue: "8h",
      validate: duration,
    },
    {
      id: "slaResolution",
      flag: "--sla-resolution",
      key: "sla.targets.default.resolution",
      message: "SLA resolution target (business time)",
      defaultValue: "3d",
      validate: duration,
    },
    {
      id: "csatTarget",
      flag: "--csat-target",
      key: "targets (csat)",
      message: "CSAT target, % positive (kpi --check fails below it)",
      defaultValue: "85",
      validate: percent,
    },
    {
      id: "slaTarget",
      flag: "--sla-target",
      key: "targets (sla.first_response)",
      message: "SLA compliance target, % of tickets answered within the first-response target",
      defaultValue: "95",
      validate: percent,
    },
    {
      id: "glossary",
      flag: "--glossary",
      key: "lint.builtin / lint.glossaries",
      message: "Glossary for `supportops lint`",
      defaultValue: "builtin",
      choices: [
        { name: "Built-in support-operations glossary", value: "builtin" },
        { name: "Built-in plus our own file (prh YAML, YAML or CSV)", value: "file" },
        { name: "None", value: "none" },
      ],
      validate: (v) => v.trim() !== "" || "expected builtin, none, or a glossary file path",
    },
    {
      id: "store",
      flag: "--store",
      key: "store.path",
      message: "Store file (relative to the config file)",
      defaultValue: ".supportops/supportops.db",
      validate: (v) => v.trim() !== "" || "expected a file path",
    },
  ];
}
