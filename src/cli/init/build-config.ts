import { Document } from "yaml";
import type { ColumnMapping, SupportopsConfig } from "../../config/types.js";
import type { SetupFlags } from "./questions.js";
import { parseSchedule } from "./schedule.js";

export type SetupAnswers = Partial<Record<keyof SetupFlags, string>>;

/** The configuration the answers give; unanswered questions leave their keys out (defaults apply). */
export function buildConfig(
  answers: SetupAnswers,
  profile: { name: string; mapping: ColumnMapping } | undefined,
): SupportopsConfig {
  const config: SupportopsConfig = {};
  if (answers.timezone) config.timezone = answers.timezone;
  if (answers.store) config.store = { path: answers.store };
  if (profile) config.import = { profiles: { [profile.name]: profile.mapping } };
  const schedule = answers.hours ? parseSchedule(answers.hours) : undefined;
  if (typeof schedule === "object" || answers.holidays) {
    config.business_hours = {};
    if (typeof schedule === "object") config.business_hours.schedule = schedule;
    if (answers.holidays) config.business_hours.holidays = { japan: answers.holidays === "japan" };
  }
  if (answers.slaFirstResponse || answers.slaResolution) {
    const target: { first_response?: string; resolution?: string } = {};
    if (answers.slaFirstResponse) target.first_response = answers.slaFirstResponse;
    if (answers.slaResolution) target.resolution = answers.slaResolution;
    config.sla = { basis: "business", targets: { default: target } };
  }
  const targets: string[] = [];
  if (answers.csatTarget) targets.push(`csat >= ${Number(answers.csatTarget)}`);
  if (answers.slaTarget) targets.push(`sla.first_response >= ${Number(answers.slaTarget)}%`);
  if (targets.length > 0) config.targets = targets;
  if (answers.glossary === "builtin") config.lint = { builtin: true };
  else if (answers.glossary === "none") config.lint = { builtin: false };
  else if (answers.glossary) config.lint = { builtin: true, glossaries: [answers.glossary] };
  return config;
}

/** YAML with a header that tells editors where the schema is. */
export function renderConfigYaml(config: SupportopsConfig): string {
  const doc = new Document(config);
  doc.commentBefore = [
    " yaml-language-server: $schema=./node_modules/supportops/schema/supportops.schema.json",
    " Written by `supportops init`. Reference: docs/config.md. Check it with `supportops config validate`.",
  ].join("\n");
  return doc.toString({ lineWidth: 0 });
}
