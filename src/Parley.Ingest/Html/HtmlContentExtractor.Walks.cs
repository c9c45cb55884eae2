using AngleSharp.Dom;
using Parley.Ingest.Text;

namespace Parley.Ingest.Html;

// Tree walks of the content extractor that read what they need without building strings or
// allocating enumerators: the same answers as the obvious LINQ and TextContent forms.
public sealed partial class HtmlContentExtractor
{
    /// <summary>True when an element child of <paramref name="el"/> is a block (same as <c>el.Children.Any(c => BlockTags.Contains(c.LocalName))</c>).</summary>
    private static bool HasBlockChild(IElement el)
    {
        foreach (var child in ChildrenOf(el))
            if (child is IElement e && BlockTags.Contains(e.LocalName)) return true;
        return false;
    }

    /// <summary>
    /// The elements under <paramref name="root"/> in document order, the root excluded (same as
    /// <c>root.Descendants&lt;IElement&gt;().ToList()</c> or <c>QuerySelectorAll("*")</c>, without an iterator
    /// stack or a selector).
    /// </summary>
    private static List<IElement> DescendantElements(IElement root)
    {
        var list = new List<IElement>(256);
        Add(root, list);
        return list;

        static void Add(INode node, List<IElement> list)
        {
            foreach (var child in ChildrenOf(node))
            {
                if (child is not IElement e) continue;
                list.Add(e);
                Add(e, list);
            }
        }
    }

    /// <summary>The child nodes of <paramref name="node"/>, by index: no enumerator object per call.</summary>
    private static ChildNodes ChildrenOf(INode node) => new(node.ChildNodes);

    /// <summary>Same as <c>FoldedLength(node.TextContent)</c>, without building the text.</summary>
    private static int FoldedTextLength(INode node)
    {
        var n = 0;
        var space = true;
        Add(node, ref n, ref space);
        return n;

        static void Add(INode node, ref int n, ref bool space)
        {
            foreach (var child in ChildrenOf(node))
            {
                if (child is IText t) Fold(t.Data, ref n, ref space);
                else if (child is IElement) Add(child, ref n, ref space);
            }
        }
    }

    /// <summary>Adds to <paramref name="n"/> the length of <paramref name="text"/> with every run of white space counted once (a run may continue from the text before).</summary>
    private static void Fold(ReadOnlySpan<char> text, ref int n, ref bool space)
    {
        foreach (var ch in text)
        {
            if (char.IsWhiteSpace(ch))
            {
                if (!space) n++;
                space = true;
            }
            else
            {
                n++;
                space = false;
            }
        }
    }

    /// <summary>
    /// <c>TextNormalizer.CollapseWhitespace(node.TextContent)</c> when that is shorter than <paramref name="limit"/>
    /// characters, else null: the length is counted first, so the text of large elements is never built.
    /// </summary>
    private static string? CollapsedTextIfShorter(INode node, int limit)
    {
        var n = 0;
        var pendingSpace = false;
        return Count(node, ref n, ref pendingSpace, limit) ? TextNormalizer.CollapseWhitespace(node.TextContent) : null;

        // Counts the collapsed length (characters, plus one per white-space run between them); false once it reaches the limit.
        static bool Count(INode node, ref int n, ref bool pendingSpace, int limit)
        {
            foreach (var child in ChildrenOf(node))
            {
                if (child is IText t)
                {
                    foreach (var ch in t.Data)
                    {
                        if (char.IsWhiteSpace(ch) || ch == '\u200B' || ch == '\uFEFF')
                        {
                            pendingSpace = n > 0;
                            continue;
                        }
                        n += pendingSpace ? 2 : 1;
                        pendingSpace = false;
                        if (n >= limit) return false;
                    }
                }
                else if (child is IElement && !Count(child, ref n, ref pendingSpace, limit)) return false;
            }
            return true;
        }
    }

    /// <summary>A node list read by index.</summary>
    private readonly struct ChildNodes(INodeList nodes)
    {
        public Enumerator GetEnumerator() => new(nodes);

        public struct Enumerator(INodeList nodes)
        {
            private int _index = -1;

            public readonly INode Current => nodes[_index];

            public bool MoveNext() => ++_index < nodes.Length;
        }
    }
}
