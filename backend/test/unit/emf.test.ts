import { createOutcomeMetrics, emfRecord, EMF_NAMESPACE } from '../../src/observability/emf';

// The CloudWatch dashboard and alarms are built on these exact names and this shape
// (the Embedded Metric Format specification): a change here breaks them.
describe('embedded metric records', () => {
  it('an extraction outcome: namespace Resume2Website, one Outcome dimension, Extractions (Count) and ExtractionDuration (Milliseconds)', () => {
    expect(emfRecord('extraction', 'ready', 1234.4, 1_765_000_000_000)).toEqual({
      _aws: {
        Timestamp: 1_765_000_000_000,
        CloudWatchMetrics: [
          {
            Namespace: 'Resume2Website',
            Dimensions: [['Outcome']],
            Metrics: [
              { Name: 'Extractions', Unit: 'Count' },
              { Name: 'ExtractionDuration', Unit: 'Milliseconds' },
            ],
          },
        ],
      },
      Outcome: 'ready',
      Extractions: 1,
      ExtractionDuration: 1234,
    });
  });

  it('a build outcome: Builds (Count) and BuildDuration (Milliseconds)', () => {
    const record = emfRecord('build', 'timed_out', 600_000, 1);
    expect(record._aws.CloudWatchMetrics).toEqual([
      {
        Namespace: EMF_NAMESPACE,
        Dimensions: [['Outcome']],
        Metrics: [
          { Name: 'Builds', Unit: 'Count' },
          { Name: 'BuildDuration', Unit: 'Milliseconds' },
        ],
      },
    ]);
    expect(record).toMatchObject({ Outcome: 'timed_out', Builds: 1, BuildDuration: 600_000 });
  });

  it('every dimension and metric named in the directive has its top-level value', () => {
    for (const record of [emfRecord('extraction', 'failed', 5), emfRecord('build', 'succeeded', 5)]) {
      const [directive] = record._aws.CloudWatchMetrics;
      for (const name of [...directive!.Dimensions.flat(), ...directive!.Metrics.map((m) => m.Name)]) expect(record[name]).toBeDefined();
      expect(Number.isInteger(record._aws.Timestamp)).toBe(true);
    }
  });

  it('writes one JSON line per outcome when on, and nothing when off', () => {
    const lines: string[] = [];
    const on = createOutcomeMetrics(true, (line) => lines.push(line));
    on.extraction('skipped', 3);
    on.build('died', 40);
    expect(lines).toHaveLength(2);
    expect(lines.every((line) => line.endsWith('\n') && !line.slice(0, -1).includes('\n'))).toBe(true);
    expect(lines.map((line) => JSON.parse(line))).toEqual([
      expect.objectContaining({ Outcome: 'skipped', Extractions: 1, ExtractionDuration: 3 }),
      expect.objectContaining({ Outcome: 'died', Builds: 1, BuildDuration: 40 }),
    ]);
    const off = createOutcomeMetrics(false, (line) => lines.push(line));
    off.extraction('ready', 1);
    off.build('succeeded', 1);
    expect(lines).toHaveLength(2);
  });
});
