/// Unit names to numbers (in order of first appearance).
///
/// An open-addressing table with an FNV-1a hash of the UTF-8 bytes: fixes of many units usually
/// arrive interleaved, so this lookup runs once per fix, and `String`'s seeded SipHash costs several
/// times more than the whole table probe here.
struct UnitTable {
    /// Names by number.
    private(set) var names: [String] = []
    private var hashes: [UInt64] = []
    /// Unit number per slot, -1 when empty; the count is a power of two, at most half full.
    private var slots = [Int32](repeating: -1, count: 64)
    private var lastName = ""
    private var lastNumber = -1

    /// The number of `name`, given a new one if it is new.
    mutating func number(for name: String) -> Int {
        if lastNumber >= 0, name == lastName { return lastNumber }
        let hash = Self.hash(name)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 {
            let unit = Int(slots[slot])
            if hashes[unit] == hash, names[unit] == name {
                remember(name, unit)
                return unit
            }
            slot = (slot + 1) & mask
        }
        let unit = names.count
        names.append(name)
        hashes.append(hash)
        slots[slot] = Int32(unit)
        if names.count * 2 > slots.count { grow() }
        remember(name, unit)
        return unit
    }

    private mutating func remember(_ name: String, _ unit: Int) {
        lastName = name
        lastNumber = unit
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for (unit, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(unit)
        }
    }

    /// FNV-1a over the UTF-8 bytes, with the high bits folded down for the slot mask.
    private static func hash(_ name: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in name.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        return hash ^ (hash >> 32)
    }
}
