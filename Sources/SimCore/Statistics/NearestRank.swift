extension RandomAccessCollection where Element: Comparable, Index == Int {
    /// The nearest-rank `q`-quantile of these values, already sorted ascending: the value of rank
    /// ⌈q·n⌉ (the first for q = 0); nil when empty.
    public func nearestRankQuantile(_ q: Double) -> Element? {
        precondition((0...1).contains(q), "a quantile is in [0, 1]")
        guard !isEmpty else { return nil }
        let rank = Swift.max(1, Int((q * Double(count)).rounded(.up)))
        return self[startIndex + rank - 1]
    }
}
