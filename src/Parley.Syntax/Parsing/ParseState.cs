namespace Parley.Syntax.Parsing;

/// <summary>
/// Configuration of the arc-hybrid transition system over words 1..n with the root 0 at the bottom
/// of the stack: SHIFT moves the front of the buffer onto the stack, LEFT makes the stack top a
/// dependent of the buffer front and pops it, RIGHT makes the stack top a dependent of the word
/// below it and pops it. The root may only take a dependent once the buffer is empty, so every
/// parse has exactly one root word.
/// </summary>
internal sealed class ParseState
{
    public int N;
    public int[] Stack = new int[64];
    public int Depth;
    public int Buffer;                 // index of the buffer front; > N when empty
    public int[] Heads = new int[64];  // -1 = none yet
    public int[] Labels = new int[64];
    public int[] Left1 = new int[64], Left2 = new int[64], Right1 = new int[64], Right2 = new int[64];
    public int[] LeftCount = new int[64], RightCount = new int[64];
    public ulong[] LeftLabels = new ulong[64], RightLabels = new ulong[64]; // sets of the dependents' labels (bit = label id, ids >= 63 share bit 63)
    public bool[] InStack = new bool[64];

    public void Reset(int n)
    {
        N = n;
        if (Heads.Length < n + 2)
        {
            var size = n + 2;
            Stack = new int[size]; Heads = new int[size]; Labels = new int[size];
            Left1 = new int[size]; Left2 = new int[size]; Right1 = new int[size]; Right2 = new int[size];
            LeftCount = new int[size]; RightCount = new int[size]; InStack = new bool[size];
            LeftLabels = new ulong[size]; RightLabels = new ulong[size];
        }
        for (var i = 0; i <= n; i++)
        {
            Heads[i] = -1; Labels[i] = -1;
            Left1[i] = Left2[i] = Right1[i] = Right2[i] = -1;
            LeftCount[i] = RightCount[i] = 0;
            LeftLabels[i] = RightLabels[i] = 0;
            InStack[i] = false;
        }
        Depth = 1;
        Stack[0] = 0;
        InStack[0] = true;
        Buffer = 1;
    }

    public bool Terminal => Buffer > N && Depth == 1;

    public int S0 => Depth >= 1 ? Stack[Depth - 1] : -1;
    public int S1 => Depth >= 2 ? Stack[Depth - 2] : -1;
    public int S2 => Depth >= 3 ? Stack[Depth - 3] : -1;
    public int B(int k) => Buffer + k <= N ? Buffer + k : -1;

    public bool CanShift => Buffer <= N;
    public bool CanLeft => Depth >= 1 && Stack[Depth - 1] != 0 && Buffer <= N;
    public bool CanRight => Depth >= 2 && (Stack[Depth - 2] != 0 || Buffer > N);

    public void Shift()
    {
        Stack[Depth++] = Buffer;
        InStack[Buffer] = true;
        Buffer++;
    }

    public void Left(int label)
    {
        var d = Stack[--Depth];
        InStack[d] = false;
        AddArc(Buffer, d, label);
    }

    public void Right(int label)
    {
        var d = Stack[--Depth];
        InStack[d] = false;
        AddArc(Stack[Depth - 1], d, label);
    }

    private void AddArc(int head, int dependent, int label)
    {
        Heads[dependent] = head;
        Labels[dependent] = label;
        if (dependent < head)
        {
            LeftCount[head]++;
            LeftLabels[head] |= 1UL << Math.Min(label, 63);
            if (Left1[head] < 0 || dependent < Left1[head]) { Left2[head] = Left1[head]; Left1[head] = dependent; }
            else if (Left2[head] < 0 || dependent < Left2[head]) Left2[head] = dependent;
        }
        else
        {
            RightCount[head]++;
            RightLabels[head] |= 1UL << Math.Min(label, 63);
            if (Right1[head] < 0 || dependent > Right1[head]) { Right2[head] = Right1[head]; Right1[head] = dependent; }
            else if (Right2[head] < 0 || dependent > Right2[head]) Right2[head] = dependent;
        }
    }

    /// <summary>
    /// Dynamic-oracle costs (Goldberg and Nivre 2013) of the three unlabelled moves against the gold
    /// heads <paramref name="gold"/>: the number of gold arcs that become unreachable.
    /// </summary>
    public (int Shift, int Left, int Right) Costs(ReadOnlySpan<int> gold)
    {
        int shift = int.MaxValue, left = int.MaxValue, right = int.MaxValue;
        var s0 = S0;
        if (CanShift)
        {
            var b0 = Buffer;
            shift = 0;
            if (gold[b0] != s0 && InStack[gold[b0]]) shift++;
            for (var k = Depth - 1; k >= 1; k--) if (gold[Stack[k]] == b0) shift++;
        }
        if (CanLeft || CanRight)
        {
            var dependentsInBuffer = 0;
            for (var d = Buffer; d <= N; d++) if (gold[d] == s0) dependentsInBuffer++;
            var h = gold[s0];
            if (CanLeft)
            {
                left = dependentsInBuffer;
                if (h != Buffer && (h == S1 || h > Buffer)) left++;
            }
            if (CanRight)
            {
                right = dependentsInBuffer;
                if (h != S1 && h >= Buffer) right++;
            }
        }
        return (shift, left, right);
    }
}
