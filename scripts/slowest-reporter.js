// A node:test reporter that prints the ten slowest test files when the run ends:
// where the suite's time goes (beside the spec reporter's own output).
export default async function* slowest(source) {
  const files = new Map();
  for await (const event of source) {
    if ((event.type === 'test:pass' || event.type === 'test:fail') && event.data.nesting === 0) {
      const file = event.data.file ?? event.data.name;
      files.set(file, (files.get(file) ?? 0) + (event.data.details?.duration_ms ?? 0));
    }
  }
  const top = [...files].sort((a, b) => b[1] - a[1]).slice(0, 10);
  if (top.length === 0) return;
  const root = `${process.cwd()}/`;
  yield '\nSlowest test files:\n';
  for (const [file, ms] of top)
    yield `${(ms / 1000).toFixed(1).padStart(8)} s  ${file.replace(root, '')}\n`;
}
