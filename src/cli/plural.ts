/** "1 warning", "6 warnings", "0 notes", "2 info": a count with its noun, plain -s unless told. */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}
