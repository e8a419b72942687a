/// An axis-aligned bounding box in the unit of its coordinates.
public struct Envelope: Hashable, Sendable {
    public var minX: Double
    public var minY: Double
    public var maxX: Double
    public var maxY: Double

    public init(minX: Double, minY: Double, maxX: Double, maxY: Double) {
        self.minX = minX
        self.minY = minY
        self.maxX = maxX
        self.maxY = maxY
    }

    /// The bounding box of some coordinates; nil when there are none.
    public init?<S: Sequence>(_ coordinates: S) where S.Element == Coordinate {
        var it = coordinates.makeIterator()
        guard let first = it.next() else { return nil }
        var e = Envelope(minX: first.x, minY: first.y, maxX: first.x, maxY: first.y)
        while let c = it.next() { e.expand(to: c) }
        self = e
    }

    public mutating func expand(to c: Coordinate) {
        minX = Swift.min(minX, c.x)
        minY = Swift.min(minY, c.y)
        maxX = Swift.max(maxX, c.x)
        maxY = Swift.max(maxY, c.y)
    }

    public func union(_ other: Envelope) -> Envelope {
        Envelope(
            minX: Swift.min(minX, other.minX), minY: Swift.min(minY, other.minY),
            maxX: Swift.max(maxX, other.maxX), maxY: Swift.max(maxY, other.maxY))
    }

    public var center: Coordinate { Coordinate(x: (minX + maxX) / 2, y: (minY + maxY) / 2) }
}
