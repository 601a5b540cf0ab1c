/**
 * Exits with the task's code once stdout has taken the last log line: an idle S3 connection
 * would otherwise keep the task alive. A failure outside the task's own handling exits 3,
 * the code for "no result could be written".
 */
export function exitWhenDone(task: Promise<number>): void {
  task.then(
    (code) => process.stdout.write('', () => process.exit(code)),
    (error: unknown) => {
      process.stderr.write(`builder failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(3);
    },
  );
}
