"""Invented Indonesian-sounding names. Any resemblance to a real place is coincidental: the demo
kabupaten, its kecamatan, villages and parties are fictional."""

PREFIXES = ["Sungai", "Talang", "Tanjung", "Lubuk", "Muara", "Karang", "Air", "Bukit", "Pagar",
            "Tebing", "Padang", "Batu", "Rantau", "Simpang", "Pematang", "Teluk", "Suka", "Tanah",
            "Kampung", "Gunung"]
ROOTS = ["Kemuning", "Selasih", "Rambai", "Merindu", "Kenanga", "Seruni", "Cempaka", "Belimbing",
         "Kemilau", "Serindit", "Pandanwangi", "Sarimulya", "Kerapu", "Lebai", "Sentosa", "Tembesu",
         "Gelam", "Meranti", "Jelutung", "Petai", "Rengas", "Kelumpang", "Bidara", "Nibung", "Medang",
         "Punai", "Rasau", "Sialang", "Terentang", "Bungur"]
SUFFIXES = ["", "", "", "Jaya", "Makmur", "Baru", "Indah", "Ilir", "Ulu", "Permai", "Harapan",
            "Tengah", "Lama", "Sejahtera"]

PARTIES = ["Partai Cahaya Bangsa", "Partai Samudra Raya", "Partai Lumbung Rakyat",
           "Partai Bintang Fajar", "Partai Tunas Harapan", "Partai Kebun Sejahtera"]

ZONE_KINDS = [
    ("Pasar", "Keramaian pasar pada hari pemungutan suara; potensi gesekan antar pendukung"),
    ("Basis Massa", "Basis massa dua pasangan calon berdekatan; riwayat bentrok pada Pilkada sebelumnya"),
    ("Kawasan Sengketa Lahan", "Sengketa lahan perkebunan yang dapat dipolitisasi"),
    ("Simpang", "Titik kumpul massa dan jalur konvoi kampanye"),
    ("Permukiman", "Laporan dugaan politik uang pada masa tenang"),
    ("Dusun", "Akses sulit; risiko keterlambatan distribusi logistik"),
    ("Bantaran Sungai", "Rawan banjir; distribusi logistik dan pemilih terganggu"),
    ("Perbatasan", "Perbatasan kecamatan; potensi mobilisasi pemilih dari luar daerah"),
]


def place_name(rng, taken):
    """A new invented 'Prefix Root [Suffix]' name not in `taken` (the set is updated)."""
    for _ in range(1000):
        name = " ".join(p for p in (rng.choice(PREFIXES), rng.choice(ROOTS), rng.choice(SUFFIXES)) if p)
        if name not in taken:
            taken.add(name)
            return name
    raise RuntimeError("ran out of names")


def name_table(count, rng):
    """`count` distinct invented place names (cycling with a number when the vocabulary runs out)."""
    out = []
    taken = set()
    capacity = len(PREFIXES) * len(ROOTS) * len(set(SUFFIXES))
    for i in range(count):
        if len(taken) < capacity * 0.6:
            out.append(place_name(rng, taken))
        else:
            out.append(f"{rng.choice(PREFIXES)} {rng.choice(ROOTS)} {i}")
    return out
