import Cakupan
import CakupanGeometry
import Testing

@Suite struct CRSTests {
    @Test(arguments: [
        (103.99555, -3.6973, 32748),  // centre of Kab. Muara Enim's bbox
        (123.6100, -10.2083, 32751),  // centre of Kota Kupang's bbox
        (95.3, 5.5, 32646),  // Banda Aceh, north of the equator
        (140.7, -2.5, 32754),  // Jayapura
        (-0.5, 51.5, 32630),
    ])
    func utmZoneOfCentre(lon: Double, lat: Double, epsg: Int) {
        #expect(UTM.epsg(for: Coordinate(x: lon, y: lat)) == epsg)
    }

    @Test func zoneEdges() {
        #expect(UTM.edges(zone: 48) == (102, 108))
        #expect(UTM.zone(longitude: 108) == 49)
        #expect(UTM.zone(longitude: 107.999) == 48)
    }

    @Test func parsing() throws {
        #expect(try CRSMode(parsing: "auto") == .auto)
        #expect(try CRSMode(parsing: "EPSG:32748") == .epsg(32748))
        #expect(try CRSMode(parsing: "epsg:32751") == .epsg(32751))
        #expect(try CRSMode(parsing: "32750") == .epsg(32750))
        #expect(throws: CakupanError.self) { try CRSMode(parsing: "UTM48") }
    }

    /// Auto picks the zone of the areas' centre even when patrols lie elsewhere, and warns when the
    /// inputs reach more than 3° beyond that zone.
    @Test func autoUsesAreasAndWarnsFarBeyondTheZone() throws {
        let s = try Scene()
        s.areas = [("\"kode\":\"A\"", .polygon(Polygon(exterior: Scene.rect(0, 0, 1000, 1000))))]
        s.sites = [("\"id\":\"x\"", Coordinate(x: 500, y: 500))]
        var (r, _, w) = try s.analyze { $0.crs = "auto" }
        #expect(r.crs.epsg == 32748)
        #expect(r.crs.name == "WGS 84 / UTM zone 48S")
        #expect(!w.messages.contains { $0.contains("beyond UTM zone") })
        #expect(!r.perZone)
        // A site 1,000 km east (about 9° of longitude): beyond 108° + 3°. With a fixed CRS that is a
        // warning; in auto mode the analysis goes per zone, each area and site in its own UTM zone.
        s.sites.append(("\"id\":\"far\"", Coordinate(x: 1_000_000, y: 500)))
        (r, _, w) = try s.analyze { $0.crs = "EPSG:32748" }
        #expect(w.messages.contains { $0.contains("beyond UTM zone 48") })
        #expect(!r.perZone)
        (r, _, w) = try s.analyze { $0.crs = "auto" }
        #expect(r.perZone)
        #expect(r.zonesUsed.map(\.epsg) == [32748, 32749])
        #expect(!w.messages.contains { $0.contains("beyond UTM zone") })
    }

    @Test func geographicCRSIsRefusedForMetricWork() throws {
        let s = try Scene()
        s.sites = [("\"id\":\"x\"", Coordinate(x: 500, y: 500))]
        #expect(throws: CakupanError.self) { _ = try s.analyze { $0.crs = "EPSG:4326" } }
    }

    @Test func realBoundariesPickTheirZones() throws {
        guard let muaraEnim = sharedGeodata("muara_enim_kecamatan_adm3.geojson"),
            let kupang = sharedGeodata("kota_kupang_kecamatan_adm3.geojson")
        else {
            print("SKIPPED realBoundariesPickTheirZones: ../shared/geodata is absent")
            return
        }
        for (path, epsg) in [(muaraEnim, 32748), (kupang, 32751)] {
            var c = OperationConfig()
            c.areas = path
            var w = Warnings()
            let inputs = try Pipeline.loadInputs(c, parameters: try c.parameters(), warnings: &w)
            let crs = try CoverageAnalysis().chooseCRS(inputs, mode: .auto, warnings: &w)
            #expect(crs.epsg == epsg)
        }
    }
}
