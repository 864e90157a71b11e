import { peekExport } from "../../ingest/pipeline.js";
import type { RecordKind } from "../../ingest/profiles/index.js";
import { DEFAULT_MAX_REJECTS } from "../../ingest/rejects.js";
import { describeSource } from "../../ingest/source.js";
import { packageVersion } from "../../version.js";
import { detectType } from "./column-type.js";
import type { ExportInspection, InspectExport } from "./types.js";

/**
 * The real export inspection for `init`: the importer's own decoding, delimiter and profile
 * detection. A column is "sure" when the chosen profile's dictionary mapped it.
 */
export function inspectWith(cwd: string, timeZone: string): InspectExport {
  return async (path, kind): Promise<ExportInspection> => {
    const source = describeSource(path, cwd);
    const peek = await peekExport(source, process.stdin, {
      kind: kind as RecordKind,
      encoding: "auto",
      timeZone,
      extraProfiles: [],
      maxRejects: DEFAULT_MAX_REJECTS,
      rejectsPath: null,
      force: true,
      toolVersion: packageVersion(),
      now: () => 0,
    });
    const recognised = !peek.detection.reason.startsWith("no profile");
    return {
      headers: peek.headers,
      samples: peek.samples,
      profile: recognised ? peek.detection.profile.name : null,
      columns: peek.detection.columns.map((c) => ({
        header: c.header,
        field: c.target?.field ?? null,
        sure: c.target !== null,
        detectedType: detectType(peek.samples.map((row) => row[c.index] ?? "")),
      })),
    };
  };
}
