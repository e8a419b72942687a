"""Site categories, their usual priorities and the category mix of scaled scenarios."""

CATEGORIES = ["kpu", "bawaslu", "partai", "tps", "pleno", "gudang", "kampanye", "kediaman", "lainnya"]

# category -> [(priority, weight)]: offices, warehouses and plenary venues are mostly tinggi,
# polling stations sedang/rendah.
PRIORITY_WEIGHTS = {
    "kpu": [("tinggi", 0.9), ("sedang", 0.1)],
    "bawaslu": [("tinggi", 0.85), ("sedang", 0.15)],
    "pleno": [("tinggi", 0.9), ("sedang", 0.1)],
    "gudang": [("tinggi", 0.95), ("sedang", 0.05)],
    "kediaman": [("tinggi", 0.6), ("sedang", 0.4)],
    "partai": [("tinggi", 0.1), ("sedang", 0.6), ("rendah", 0.3)],
    "kampanye": [("tinggi", 0.2), ("sedang", 0.5), ("rendah", 0.3)],
    "tps": [("tinggi", 0.03), ("sedang", 0.42), ("rendah", 0.55)],
    "lainnya": [("sedang", 0.4), ("rendah", 0.6)],
}

# share of the non-office sites in a scaled scenario (offices kpu/bawaslu/pleno come per area)
SCENARIO_MIX = [("tps", 0.86), ("partai", 0.04), ("kampanye", 0.04), ("gudang", 0.02),
                ("kediaman", 0.015), ("lainnya", 0.025)]

TPS_SPREAD_M = {"town": 900.0, "ibukota": 450.0, "village": 350.0, "island": 200.0}


def pick_priority(rng, category):
    """A priority drawn from the category's usual distribution."""
    choices = PRIORITY_WEIGHTS[category]
    r = rng.random() * sum(w for _, w in choices)
    for prio, w in choices:
        r -= w
        if r < 0:
            return prio
    return choices[-1][0]


def site_name(category, place, number):
    """A plausible site name for scaled scenarios (no commas or quotes)."""
    if category == "tps":
        return f"TPS {number:03d} {place}"
    return {
        "kpu": f"Sekretariat PPK {place}",
        "bawaslu": f"Sekretariat Panwaslu Kecamatan {place}",
        "pleno": f"Aula Kantor Camat {place} (Pleno PPK)",
        "gudang": f"Gudang Logistik {place} {number}",
        "kediaman": f"Kediaman Penyelenggara {place} {number}",
        "partai": f"Kantor Partai {place} {number}",
        "kampanye": f"Lapangan Kampanye {place} {number}",
        "lainnya": f"Posko Pengamanan {place} {number}",
    }[category]
