/// Free cores per node with "the first node that has room" in O(log n): a max segment tree over
/// the nodes' free cores, so placing VMs first-fit on a large cloud does not scan every node.
struct FirstFitNodes {
    /// tree[1] is the root; leaves start at `leaves`; each inner node holds its children's maximum.
    private var tree: [Int]
    private let leaves: Int
    private(set) var count: Int

    /// `count` nodes with `cores` free each.
    init(count: Int, cores: Int) {
        precondition(count > 0, "at least one node")
        self.count = count
        var size = 1
        while size < count { size *= 2 }
        leaves = size
        tree = [Int](repeating: 0, count: 2 * size)
        for node in 0..<count { tree[size + node] = cores }
        for index in stride(from: size - 1, through: 1, by: -1) {
            tree[index] = Swift.max(tree[2 * index], tree[2 * index + 1])
        }
    }

    /// Free cores on `node`.
    func free(_ node: Int) -> Int { tree[leaves + node] }

    /// The lowest-numbered node with at least `cores` free, or nil.
    func first(fitting cores: Int) -> Int? {
        guard tree[1] >= cores else { return nil }
        var index = 1
        while index < leaves { index = tree[2 * index] >= cores ? 2 * index : 2 * index + 1 }
        return index - leaves
    }

    /// Adds `delta` (negative to take) to `node`'s free cores.
    mutating func adjust(_ node: Int, by delta: Int) {
        var index = leaves + node
        tree[index] += delta
        precondition(tree[index] >= 0, "node \(node) over-committed")
        index /= 2
        while index >= 1 {
            tree[index] = Swift.max(tree[2 * index], tree[2 * index + 1])
            index /= 2
        }
    }

    /// Adds `added` nodes with `cores` free each after the existing ones (the cloud grows).
    mutating func grow(by added: Int, cores: Int) {
        var grown = FirstFitNodes(count: count + added, cores: cores)
        for node in 0..<count { grown.adjust(node, by: free(node) - cores) }
        self = grown
    }
}
