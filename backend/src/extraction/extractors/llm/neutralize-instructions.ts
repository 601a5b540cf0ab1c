// The CV's text is data, never instructions. Besides fencing it off in the prompt, lines
// that address the model ("ignore previous instructions", "you are now…") are replaced
// before the text is sent, so a hostile CV cannot steer the extraction. Such lines are
// never CV facts, so nothing the person wrote about themselves is lost.
// Narrow on purpose: each names the model or its instructions, which ordinary CV lines
// ("Assistant Manager", "system message bus", "set up the JSON API") never do.
const INSTRUCTION_PATTERNS: RegExp[] = [
  /\b(ignore|disregard|forget|override)\b.{0,40}\b(previous|prior|above|earlier|all|any|your)\b.{0,40}\b(instructions?|prompts?|rules|directions)\b/i,
  /\b(system|developer)\s+(prompt|instructions?)\b/i,
  /\b(you\s+are\s+now|from\s+now\s+on,?\s+you)\b/i,
  /\b(note|message|instructions?)\s+(to|for)\s+(the\s+|any\s+)?(ai|llm|language\s+model|assistant|chatgpt|claude|gpt|model|bot|screener)\b/i,
  /\bif\s+you\s+are\s+(an?\s+)?(ai|llm|large\s+language\s+model|language\s+model|assistant|bot|gpt|claude|chatgpt)\b/i,
  /<\/?\s*(system|assistant|user|cv_document|instructions?)\s*>/i,
];

export const NEUTRALIZED_LINE = '[line removed: it addressed the reader as instructions]';

export function neutralizeInstructions(text: string): { text: string; removed: string[] } {
  const removed: string[] = [];
  const lines = text.split('\n').map((line) => {
    if (INSTRUCTION_PATTERNS.some((pattern) => pattern.test(line))) {
      removed.push(line);
      return NEUTRALIZED_LINE;
    }
    return line;
  });
  return { text: lines.join('\n'), removed };
}
