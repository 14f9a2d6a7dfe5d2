// Runs in the page. A result file or text to runs, or one sentence saying what is wrong with it: too large
// (checked on the File's size before reading), not JSON (cut short, say), or not a fitscope result (with the
// path to the first bad value). Never throws.
import { formatBytes } from '../format';
import { ImportProblem } from './json-checks';
import { MAX_FILE_BYTES } from './limits';
import { readResultDocument, type ImportedRun } from './result-schema';

export type ReadResult = { ok: true; runs: ImportedRun[] } | { ok: false; message: string };

const fail = (message: string): ReadResult => ({ ok: false, message });

/** Parses and checks a document's text; `name` names the file in the message. */
export function readResultText(textValue: string, name = 'The file'): ReadResult {
  if (textValue.length > MAX_FILE_BYTES)
    return fail(`${name} is larger than ${formatBytes(MAX_FILE_BYTES)}, more than a fitscope result can be.`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(textValue);
  } catch (e) {
    const why = e instanceof SyntaxError ? e.message : String(e);
    return fail(`${name} is not valid JSON (cut short or not a result file?): ${why}.`);
  }
  try {
    return { ok: true, runs: readResultDocument(parsed) };
  } catch (e) {
    if (e instanceof ImportProblem) return fail(`${name} is not a fitscope result this page can read: ${e.message}.`);
    return fail(`${name} could not be read: ${(e as Error)?.message ?? String(e)}.`);
  }
}

/** Reads a chosen or dropped file (anything with size, name and text(): a File). */
export async function readResultFile(file: Pick<File, 'size' | 'name' | 'text'>): Promise<ReadResult> {
  const name = `"${file.name}"`;
  if (file.size > MAX_FILE_BYTES)
    return fail(`${name} is ${formatBytes(file.size)}, larger than the ${formatBytes(MAX_FILE_BYTES)} a fitscope result can be.`);
  if (file.size === 0) return fail(`${name} is empty.`);
  let content: string;
  try {
    content = await file.text();
  } catch (e) {
    return fail(`${name} could not be read: ${(e as Error)?.message ?? String(e)}.`);
  }
  return readResultText(content, name);
}
