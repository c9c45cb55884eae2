namespace Parley.Syntax.Tagging;

/// <summary>
/// Lemmatiser learned from a treebank: an exception table of (form, XPOS) -> lemma for words seen in
/// training whose lemma the rules would get wrong, and suffix rules keyed by (XPOS, final letters)
/// for everything else ("-ies"+NNS -> "-y", "-ed"+VBD -> ""). A rule rewrites the form: optionally
/// lower-case it, strip some final letters, append others.
/// </summary>
internal sealed class Lemmatizer
{
    private const int MaxSuffix = 5;
    private const int MinRuleCount = 2;

    private readonly Dictionary<string, string> _exceptions;
    private readonly Dictionary<string, Rule> _rules;

    private Lemmatizer(Dictionary<string, string> exceptions, Dictionary<string, Rule> rules)
    {
        _exceptions = exceptions;
        _rules = rules;
    }

    /// <summary>Number of exception entries and of rules.</summary>
    public (int Exceptions, int Rules) Size => (_exceptions.Count, _rules.Count);

    /// <summary>The lemma of <paramref name="form"/> tagged <paramref name="xpos"/> (and <paramref name="upos"/>).</summary>
    public string Lemmatize(string form, string upos, string xpos)
    {
        if (_exceptions.TryGetValue(ExceptionKey(form, xpos), out var lemma)) return lemma;
        var normal = Normalise(form);
        if (!ReferenceEquals(normal, form) && _exceptions.TryGetValue(ExceptionKey(normal, xpos), out lemma)) return lemma;
        if (_exceptions.TryGetValue(ExceptionKey(normal.ToLowerInvariant(), xpos), out lemma)) return lemma;
        return ApplyRules(normal, xpos);
    }

    private string ApplyRules(string form, string xpos)
    {
        var lower = form.ToLowerInvariant();
        for (var k = Math.Min(MaxSuffix, lower.Length); k >= 0; k--)
        {
            if (_rules.TryGetValue(RuleKey(xpos, lower, k), out var rule) && rule.Strip <= form.Length)
            {
                var basis = rule.Lower ? lower : form;
                return string.Concat(basis.AsSpan(0, basis.Length - rule.Strip), rule.Append);
            }
        }
        return form;
    }

    private static string Normalise(string form) =>
        form.AsSpan().IndexOfAny('’', '‘') >= 0 ? form.Replace('’', '\'').Replace('‘', '\'') : form;

    private static string ExceptionKey(string form, string xpos) => string.Concat(form, "\t", xpos);

    private static string RuleKey(string xpos, string lower, int k) => string.Concat(xpos, "\t", lower.AsSpan(lower.Length - k));

    private static Rule Derive(string form, string lemma)
    {
        var lower = form.ToLowerInvariant();
        var common = CommonPrefix(form, lemma);
        var commonLower = CommonPrefix(lower, lemma);
        var useLower = commonLower > common;
        var basis = useLower ? lower : form;
        var c = Math.Max(common, commonLower);
        return new Rule(useLower, basis.Length - c, lemma[c..]);
    }

    private static int CommonPrefix(string a, string b)
    {
        var n = Math.Min(a.Length, b.Length);
        var i = 0;
        while (i < n && a[i] == b[i]) i++;
        return i;
    }

    /// <summary>Learns rules and exceptions from (form, UPOS, XPOS, lemma) examples.</summary>
    public static Lemmatizer Train(IEnumerable<(string Form, string Upos, string Xpos, string Lemma)> examples)
    {
        var ruleCounts = new Dictionary<string, Dictionary<Rule, int>>();
        var lemmaCounts = new Dictionary<string, Dictionary<string, int>>();
        foreach (var (rawForm, _, xpos, lemma) in examples)
        {
            if (lemma == "_" || lemma.Length == 0) continue;
            var form = Normalise(rawForm);
            var rule = Derive(form, lemma);
            var lower = form.ToLowerInvariant();
            for (var k = 0; k <= Math.Min(MaxSuffix, lower.Length); k++)
            {
                var key = RuleKey(xpos, lower, k);
                if (!ruleCounts.TryGetValue(key, out var counts)) ruleCounts[key] = counts = new Dictionary<Rule, int>();
                counts[rule] = counts.GetValueOrDefault(rule) + 1;
            }
            var ek = ExceptionKey(form, xpos);
            if (!lemmaCounts.TryGetValue(ek, out var lemmas)) lemmaCounts[ek] = lemmas = new Dictionary<string, int>();
            lemmas[lemma] = lemmas.GetValueOrDefault(lemma) + 1;
        }
        var rules = new Dictionary<string, Rule>();
        foreach (var (key, counts) in ruleCounts.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var best = counts.OrderByDescending(p => p.Value).ThenBy(p => p.Key.ToString(), StringComparer.Ordinal).First();
            if (best.Value < MinRuleCount) continue;
            rules[key] = best.Key;
        }
        // Drop a rule when the next shorter suffix that has a rule gives the same rewrite: lookup falls back to it.
        foreach (var key in rules.Keys.ToList())
        {
            var tab = key.IndexOf('\t');
            for (var cut = key.Length - 1; cut > tab; cut--)
            {
                if (!rules.TryGetValue(key[..cut], out var shorter)) continue;
                if (shorter == rules[key]) rules.Remove(key);
                break;
            }
        }
        var lemmatizer = new Lemmatizer(new Dictionary<string, string>(), rules);
        // Keep only the exceptions the rules get wrong: the table stays small.
        foreach (var (key, lemmas) in lemmaCounts.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var best = lemmas.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).First().Key;
            var tab = key.IndexOf('\t');
            if (lemmatizer.ApplyRules(key[..tab], key[(tab + 1)..]) != best) lemmatizer._exceptions[key] = best;
        }
        return lemmatizer;
    }

    public void Write(BinaryWriter writer)
    {
        writer.Write(_exceptions.Count);
        foreach (var (k, v) in _exceptions) { writer.Write(k); writer.Write(v); }
        writer.Write(_rules.Count);
        foreach (var (k, r) in _rules) { writer.Write(k); writer.Write(r.Lower); writer.Write((byte)r.Strip); writer.Write(r.Append); }
    }

    public static Lemmatizer Read(BinaryReader reader)
    {
        var exceptions = new Dictionary<string, string>();
        var n = reader.ReadInt32();
        for (var i = 0; i < n; i++) exceptions[reader.ReadString()] = reader.ReadString();
        var rules = new Dictionary<string, Rule>();
        n = reader.ReadInt32();
        for (var i = 0; i < n; i++) rules[reader.ReadString()] = new Rule(reader.ReadBoolean(), reader.ReadByte(), reader.ReadString());
        return new Lemmatizer(exceptions, rules);
    }

    private readonly record struct Rule(bool Lower, int Strip, string Append)
    {
        public override string ToString() => $"{(Lower ? "L" : "K")}{Strip}{Append}";
    }
}
