// The inputs of markdown-it's XSS cases: blocks of `.`-separated lines, input then expected HTML.
export function xssInputs(fixture: string): string[] {
  const inputs: string[] = [];
  let block: 'text' | 'input' | 'expected' = 'text';
  let lines: string[] = [];
  for (const line of fixture.split('\n')) {
    if (line !== '.') {
      if (block === 'input') lines.push(line);
      continue;
    }
    if (block === 'text') {
      block = 'input';
      lines = [];
    } else if (block === 'input') {
      inputs.push(lines.join('\n'));
      block = 'expected';
    } else {
      block = 'text';
    }
  }
  return inputs;
}
