// Usage: Parley.Ingest.Harness OUT.jsonl PATH...   (reads PATHs, writes extraction jsonl, prints rate and memory)
using System.Diagnostics;
using Parley.Ingest;

if (args.Length == 2 && args[0] == "--explain") return Explain.Run(args[1]);
if (args.Length >= 3 && args[0] == "--rate") return Throughput.Run(int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture), args[2..]);
if (args.Length == 2 && args[0] == "--time") return Timing.Run(args[1]);
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: Parley.Ingest.Harness OUT.jsonl PATH...");
    return 2;
}
var reader = new ArticleReader();
var read = 0;
var skipped = 0;
long bytes = 0;
var reasons = new Dictionary<string, int>();
var clock = Stopwatch.StartNew();
IEnumerable<IngestItem> Counted()
{
    foreach (var item in reader.Read(args.Skip(1)))
    {
        if (item.IsRead) read++;
        else
        {
            skipped++;
            var code = item.SkipReason!.Split(':')[0];
            reasons[code] = reasons.GetValueOrDefault(code) + 1;
            if (skipped <= 10) Console.Error.WriteLine($"skipped {item.Origin}: {item.SkipReason}");
        }
        if (File.Exists(item.Origin)) bytes += new FileInfo(item.Origin).Length;
        yield return item;
    }
}
using (var writer = new StreamWriter(args[0]))
    ExtractJson.WriteJsonl(Counted(), writer);
clock.Stop();
var seconds = clock.Elapsed.TotalSeconds;
Console.WriteLine($"read {read}, skipped {skipped} ({string.Join(", ", reasons.Select(r => r.Key + "=" + r.Value))}) in {seconds:F2} s: " +
    $"{(read + skipped) / seconds:F1} inputs/s, {bytes / 1048576.0 / seconds:F2} MB/s (input bytes), peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576} MB");
return 0;
