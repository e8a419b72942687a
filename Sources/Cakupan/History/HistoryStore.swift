import CakupanGDAL
import Foundation

/// The operation's memory: a GeoPackage file or a PostgreSQL/PostGIS database (`PG:dbname=… host=…`)
/// that keeps every run's figures per site, area and rawan zone, so days can be compared
/// (docs/history.md). Each call opens its own GDAL dataset, so stores can be used from several tasks
/// and processes at once:
///
/// - appending takes a lock (a `FILE.gpkg.lock` file lock; in PostgreSQL a transaction-scoped advisory
///   lock) and writes in one transaction: the run's old rows (a rerun of the same window) are deleted
///   and the new ones inserted, or nothing changes;
/// - a GeoPackage is created, with its tables, beside the target and renamed into place, so a half-made
///   store is never seen; a database without Cakupan tables gets them in the first append's transaction.
public struct HistoryStore: Sendable {
    public enum Kind: Sendable { case geopackage, postgres }

    /// The path or connection string as given.
    public let target: String
    public let kind: Kind

    /// What errors and messages call the store: the path, or the connection string without a password.
    public var displayName: String {
        guard kind == .postgres else { return target }
        return target.replacingOccurrences(of: #"password\s*=\s*('[^']*'|\S+)"#, with: "password=…", options: .regularExpression)
    }

    /// Checks `target`: a `PG:` connection string is connected to; a file must be a Cakupan GeoPackage
    /// store, or not exist yet (it is created by the first append). Throws `CakupanError.input` (exit 2)
    /// with the reason: not a store, a newer schema version, an unreachable database.
    public static func open(target: String) throws -> HistoryStore {
        let isPG = target.uppercased().hasPrefix("PG:")
        let store = HistoryStore(target: target, kind: isPG ? .postgres : .geopackage)
        if isPG {
            let dataset = try store.connect(readOnly: true)
            if let problem = try HistorySchema.problem(dataset), problem != .notAStore("it has no \(HistorySchema.meta) table") {
                throw store.refusal(problem)
            }
            return store
        }
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: target, isDirectory: &isDir) {
            if isDir.boolValue { throw store.fail("is a folder; give a .gpkg file or a PG: connection string") }
            let dataset = try store.connect(readOnly: true)
            if let problem = try HistorySchema.problem(dataset) { throw store.refusal(problem) }
        } else if !target.lowercased().hasSuffix(".gpkg") {
            throw store.fail("a new history file must be a GeoPackage: give a name ending in .gpkg (or a PG: connection string)")
        }
        return store
    }

    private init(target: String, kind: Kind) {
        self.target = target
        self.kind = kind
    }

    // MARK: Appending

    /// Adds `run`, replacing the rows of an earlier run of the same operation and window. `recordedAt`
    /// (the wall clock) is kept in the store only. Retries a few times when the database was busy or
    /// another writer created the tables at the same moment.
    public func append(_ run: HistoryRun, recordedAt: Date = Date()) throws {
        var attempt = 0
        while true {
            attempt += 1
            do {
                try appendOnce(run, recordedAt: recordedAt)
                return
            } catch let error as CakupanError where error.isUserError {
                throw error
            } catch {
                if attempt >= 5 { throw CakupanError.internal("\(displayName): the run could not be added to the history: \(error)") }
                usleep(UInt32(100_000 * attempt))
            }
        }
    }

    private func appendOnce(_ run: HistoryRun, recordedAt: Date) throws {
        switch kind {
        case .geopackage:
            let lock = try FileLock(path: target + ".lock")
            defer { lock.unlock() }
            if !FileManager.default.fileExists(atPath: target) { try createGeoPackage() }
            let dataset = try connect(readOnly: false)
            if let problem = try HistorySchema.problem(dataset) { throw refusal(problem) }
            try write(run, recordedAt: recordedAt, into: dataset, lockSQL: nil)
        case .postgres:
            let dataset = try connect(readOnly: false)
            // Held until commit or rollback: writers of one database take turns, so a rerun's delete
            // and insert never interleave with another writer's.
            try write(run, recordedAt: recordedAt, into: dataset, lockSQL: "SELECT 1 AS locked FROM pg_advisory_xact_lock(5734183112)")
        }
    }

    private func write(_ run: HistoryRun, recordedAt: Date, into store: VectorStore, lockSQL: String?) throws {
        try store.begin()
        do {
            if let lockSQL { try store.execute(lockSQL) }
            switch try HistorySchema.problem(store) {
            case nil: break
            case .notAStore where kind == .postgres && !store.hasLayer(HistorySchema.runs):
                try HistorySchema.create(in: store, toolVersion: Summary.version)
            case let problem?: throw refusal(problem)
            }
            let id = Self.quoted(run.runID)
            for table in [HistorySchema.sites, HistorySchema.areas, HistorySchema.zones, HistorySchema.runs] {
                try store.execute("DELETE FROM \(table) WHERE run_id = \(id)")
            }
            let rows = HistoryRows(run, recordedAt: recordedAt)
            try store.insert(into: HistorySchema.runs, names: HistorySchema.runFields.map(\.name), features: [rows.run])
            try store.insert(into: HistorySchema.sites, names: HistorySchema.siteFields.map(\.name), features: rows.sites)
            try store.insert(into: HistorySchema.areas, names: HistorySchema.areaFields.map(\.name), features: rows.areas)
            try store.insert(into: HistorySchema.zones, names: HistorySchema.zoneFields.map(\.name), features: rows.zones)
            try store.commit()
        } catch {
            store.rollback()
            throw error
        }
    }

    /// Makes the GeoPackage with its tables under a temporary name beside `target`, then renames it
    /// into place (the caller holds the lock).
    private func createGeoPackage() throws {
        let url = URL(fileURLWithPath: target)
        let folder = url.deletingLastPathComponent()
        do { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) } catch {
            throw fail("its folder cannot be created (\(error.localizedDescription))")
        }
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).new-\(getpid())-\(UUID().uuidString.prefix(8)).gpkg").path
        defer { try? FileManager.default.removeItem(atPath: temporary) }
        do {
            let store = try VectorStore(creating: temporary, driver: "GPKG")
            try HistorySchema.create(in: store, toolVersion: Summary.version)
        }  // closed here: GDALClose writes the file
        guard rename(temporary, target) == 0 else {
            throw fail("cannot be created: \(String(cString: strerror(errno)))")
        }
    }

    // MARK: Reading

    /// Every run's record and rows, for the trends. A store that does not exist yet has no runs.
    func load() throws -> HistoryData {
        if kind == .geopackage && !FileManager.default.fileExists(atPath: target) { return HistoryData() }
        let store = try connect(readOnly: true)
        if let problem = try HistorySchema.problem(store) {
            if kind == .postgres, case .notAStore = problem, !store.hasLayer(HistorySchema.runs) { return HistoryData() }
            throw refusal(problem)
        }
        do {
            return HistoryData(
                runs: try store.read(HistorySchema.runs), sites: try store.read(HistorySchema.sites),
                areas: try store.read(HistorySchema.areas), zones: try store.read(HistorySchema.zones))
        } catch let error as GDALError {
            throw fail("cannot be read: \(error)")
        }
    }

    // MARK: Helpers

    /// Opens the dataset: a GeoPackage (only the GPKG driver may open it) or the database.
    private func connect(readOnly: Bool) throws -> VectorStore {
        do {
            let store = try VectorStore(opening: target, readOnly: readOnly, allowedDrivers: kind == .postgres ? ["PostgreSQL"] : ["GPKG"])
            return store
        } catch let GDALError.cannotOpen(_, message) {
            if kind == .postgres {
                let reason = message.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(
                    separator: " ")
                throw fail("cannot connect to the database (\(reason.isEmpty ? "no reason given" : reason))")
            }
            throw fail("is not a GeoPackage, so not a Cakupan history store (\(message.isEmpty ? "format not recognised" : message))")
        } catch {
            throw fail("cannot be opened: \(error)")
        }
    }

    private func refusal(_ problem: HistorySchema.Problem) -> CakupanError {
        switch problem {
        case .notAStore(let why):
            fail("is not a Cakupan history store: \(why)\(kind == .geopackage ? " (an ordinary GeoPackage? give a new .gpkg name)" : "")")
        case .newerVersion(let n):
            fail(
                "history schema version \(n) is newer than this cakupan \(Summary.version) understands (version \(HistorySchema.version)); use a newer cakupan, or another history store"
            )
        case .badVersion(let text):
            fail("history schema version '\(text)' is not a number; this is not a store cakupan can use")
        }
    }

    private func fail(_ message: String) -> CakupanError {
        CakupanError.input(InputLocation(file: displayName), message)
    }

    /// An SQL string literal.
    static func quoted(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "''") + "'" }
}

/// An exclusive advisory lock on a file (`flock`), held until `unlock`. Locks of separate `FileLock`s
/// exclude each other in one process too (each opens the file itself).
final class FileLock {
    private let fd: Int32

    /// Waits up to `timeout` seconds for the lock.
    init(path: String, timeout: Double = 120) throws {
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty { try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw CakupanError.input(InputLocation(file: path), "cannot create the lock file: \(String(cString: strerror(errno)))")
        }
        let deadline = Date().addingTimeInterval(timeout)
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR, Date() < deadline else {
                close(fd)
                throw CakupanError.input(
                    InputLocation(file: path), "the history is locked by another writer for more than \(Int(timeout)) s")
            }
            usleep(20_000)
        }
    }

    func unlock() {
        flock(fd, LOCK_UN)
        close(fd)
    }
}
