/** The bench's results: each ratio with its goal, printed as it is measured. */
export const results: { name: string; value: string; goal: string; met: boolean }[] = [];

export const record = (name: string, value: number, goal: string, met: boolean, digits = 2) => {
  results.push({ name, value: value.toFixed(digits), goal, met });
  console.log(`  ${met ? 'ok  ' : 'MISS'} ${name}: ${value.toFixed(digits)} (goal ${goal})`);
};

export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
