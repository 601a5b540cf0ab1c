import { MalformedToolOutput, RECORD_CV_TOOL } from '../llm/tool-schema';
import type { ChatCompletion } from './chat-completions-client';

// Where a chat completion holds the record_cv arguments. Servers differ: with tools
// working they are the tool call's arguments (a JSON string, or an object on some
// servers); a server that ignores tools or tool_choice, or runs without them
// (OPENAI_OUTPUT_MODE=json_schema), answers with JSON in the message's text, which models
// fence as Markdown, preface with a sentence or a <think> block, or wrap as the call they
// could not make ({"name": "record_cv", "arguments"|"parameters": {...}}).

type Choice = ChatCompletion['choices'][number];

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // JSON.parse's message quotes the text, which is the CV's: only its length is told (and logged).
    throw new MalformedToolOutput([`${what} is not JSON (${text.length} characters)`]);
  }
}

/** The JSON object in a text answer: inside a code fence if there is one, else from its first { to its last }. */
function jsonInText(content: string): string {
  const text = content.replace(/<think>[\s\S]*?<\/think>/g, '').trim();
  const fenced = /```(?:json)?\s*\n?([\s\S]*?)```/i.exec(text);
  if (fenced) return fenced[1]!.trim();
  const [start, end] = [text.indexOf('{'), text.lastIndexOf('}')];
  return start >= 0 && end > start ? text.slice(start, end + 1) : text;
}

function unwrapCall(value: unknown): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  const { name, arguments: args, parameters } = value as Record<string, unknown>;
  if (name !== RECORD_CV_TOOL.name) return value;
  const inner = args ?? parameters;
  return typeof inner === 'string' ? parseJson(inner, 'the record_cv call written in the text') : (inner ?? value);
}

/** The record_cv arguments of the first choice, or MalformedToolOutput saying why there are none. */
export function recordCvArguments(choice: Choice): unknown {
  // Cut off at the output limit: whatever JSON there is, is incomplete.
  if (choice.finish_reason === 'length') throw new MalformedToolOutput(['the answer was cut off at the output limit (finish_reason length)']);
  const { tool_calls: calls, content } = choice.message;
  const call = calls?.find((c) => c.function.name === RECORD_CV_TOOL.name);
  if (call) return typeof call.function.arguments === 'string' ? parseJson(call.function.arguments, "the record_cv call's arguments") : call.function.arguments;
  if (calls && calls.length > 0) throw new MalformedToolOutput([`called ${calls.map((c) => c.function.name).join(', ')} instead of record_cv`]);
  const text = content?.trim();
  if (!text) throw new MalformedToolOutput([`neither a record_cv call nor any text (finish_reason ${choice.finish_reason ?? 'none'})`]);
  return unwrapCall(parseJson(jsonInText(text), 'the text answer'));
}
