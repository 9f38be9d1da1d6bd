"""Children's records: what returns give and what people record, and what is due."""
