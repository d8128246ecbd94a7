/**
 * node:sqlite prints "ExperimentalWarning: SQLite is an experimental feature" when loaded. A
 * command that uses it on purpose drops that one warning and keeps every other.
 */
export function silenceSqliteWarning(): void {
  const emit = process.emitWarning.bind(process) as (...args: unknown[]) => void;
  process.emitWarning = ((warning: unknown, ...rest: unknown[]) => {
    const text = typeof warning === 'string' ? warning : warning instanceof Error ? warning.message : '';
    if (/SQLite is an experimental feature/.test(text)) return;
    emit(warning, ...rest);
  }) as typeof process.emitWarning;
}
