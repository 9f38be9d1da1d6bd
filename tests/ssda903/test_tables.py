from permanence.ssda903 import tables as T


def test_each_table_is_recognised_by_its_own_columns():
    for table in T.TABLES:
        assert T.recognise(list(table.columns)) is table, table.name


def test_recognition_ignores_order_case_spaces_and_bom():
    columns = list(reversed(T.EPISODES.columns))
    shuffled = ["\ufeff" + columns[0].lower()] + [f" {c.lower()} " for c in columns[1:]]
    assert T.recognise(shuffled) is T.EPISODES


def test_a_table_with_an_extra_column_is_still_recognised():
    assert T.recognise([*T.REVIEWS.columns, "LA_COMMENT"]) is T.REVIEWS


def test_unknown_columns_are_not_a_table():
    assert T.recognise(["NAME", "COMMENT"]) is None
    assert T.recognise(["CHILD", "DOB"]) is None  # in many tables, enough for none
