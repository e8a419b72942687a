import CGDAL

/// GDAL's virtual file systems and per-thread configuration, for archives and spreadsheets.
public enum VirtualFiles {
    /// Every file inside an archive (`/vsizip/…`), paths relative to it, in GDAL's order
    /// (`VSIReadDirRecursive`; returns NULL when the path is not a readable archive).
    public static func archiveEntries(_ archivePath: String) -> [String]? {
        _ = GDALRuntime.registered
        guard let list = VSIReadDirRecursive("/vsizip/" + archivePath) else { return nil }
        defer { CSLDestroy(list) }
        var out: [String] = []
        var i = 0
        while let entry = list[i] {
            out.append(String(cString: entry))
            i += 1
        }
        return out
    }

    /// Sets GDAL configuration options for the whole process (`CPLSetConfigOption`): for options a
    /// driver reads lazily, after the dataset is opened (the XLSX/ODS header options).
    public static func setProcessOptions(_ options: [(String, String)]) {
        _ = GDALRuntime.registered
        for (key, value) in options { CPLSetConfigOption(key, value) }
    }

    /// Runs `body` with GDAL configuration options set for this thread only
    /// (`CPLSetThreadLocalConfigOption`), restoring the earlier values after.
    public static func withThreadOptions<T>(_ options: [(String, String)], _ body: () throws -> T) rethrows -> T {
        _ = GDALRuntime.registered
        var earlier: [(String, String?)] = []
        for (key, value) in options {
            earlier.append((key, CPLGetThreadLocalConfigOption(key, nil).map { String(cString: $0) }))
            CPLSetThreadLocalConfigOption(key, value)
        }
        defer { for (key, value) in earlier { CPLSetThreadLocalConfigOption(key, value) } }
        return try body()
    }
}
