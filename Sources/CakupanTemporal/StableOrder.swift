/// Orders that keep equal elements in their given order (so results never depend on how a sort
/// breaks ties), shared by the visit engine and the track-line drawer.
public enum StableOrder {
    /// The indexes of `keys` grouped by key, in increasing key order, each key's indexes in their
    /// order (a counting sort: O(n + largest key)). Keys are small non-negative numbers (unit numbers).
    public static func grouped(_ keys: [Int32]) -> [Int32] {
        guard let largest = keys.max(), largest >= 0 else { return [] }
        var start = [Int32](repeating: 0, count: Int(largest) + 2)
        for key in keys { start[Int(key) + 1] += 1 }
        for key in 0...Int(largest) { start[key + 1] += start[key] }
        var order = [Int32](repeating: 0, count: keys.count)
        for (index, key) in keys.enumerated() {
            order[Int(start[Int(key)])] = Int32(index)
            start[Int(key)] += 1
        }
        return order
    }

    /// The elements by increasing `time`; elements with the same time keep their order.
    public static func sortedByTime<Element>(_ elements: [Element], _ time: (Element) -> Double) -> [Element] {
        let times = elements.map(time)
        return elements.indices.sorted { (times[$0], $0) < (times[$1], $1) }.map { elements[$0] }
    }
}
