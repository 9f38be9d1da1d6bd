import pytest

# Round weekly figures, so that a day costs a whole number of pounds: 700 a week is 100
# a day, 4,900 a week is 700 a day.
COSTS = {
    "Foster care": 700.0,
    "Placed for adoption": 350.0,
    "Placed with parents": 140.0,
    "Children's homes and residential": 4900.0,
    "Independent and supported living": 1400.0,
    "Other": 1050.0,
}


@pytest.fixture
def costs():
    return dict(COSTS)
