from permanence.ssda903 import codes


def test_codes_the_product_relies_on_are_valid():
    # POLICY-RULES.md, "From SSDA903 to these rules"
    assert {"S", "P", "B", "T", "U", "L"} <= codes.RNE
    assert {"C1", "C2", "E1", "V2", "L2", "J1", "J2", "J3", "V3", "V4", "D1"} <= codes.LS
    assert {
        "U1",
        "U2",
        "U3",
        "U4",
        "U5",
        "U6",
        "P1",
        "A3",
        "A4",
        "A5",
        "A6",
        "K2",
        "R1",
        "H5",
        "K3",
        "Z1",
    } <= codes.PLACE
    assert {"E11", "E12", "E41", "E45", "E46", "E47", "E48", "E4A", "E4B", "E17", "X1"} <= codes.REC


def test_collection_year_changes_are_kept_apart():
    assert "K3" not in codes.PLACE_2022_23 and "K3" in codes.PLACE_2024_25
    assert {"H5", "P2", "Z1"}.isdisjoint(codes.PLACE_2025_26)
    assert {"Z11", "Z12", "Z13", "Z14"} <= codes.PLACE_2025_26
    assert {"1", "2", "M", "F", "U"} == codes.SEX


def test_lists_are_upper_case_frozensets_with_a_description():
    for field, valid in codes.BY_FIELD.items():
        assert isinstance(valid, frozenset) and valid
        assert all(code == code.strip().upper() for code in valid), field
        assert codes.DESCRIPTIONS[field]
