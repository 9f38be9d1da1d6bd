"""Database triggers that make the audit log append-only below the application.

UPDATE and DELETE (and, in PostgreSQL, TRUNCATE) of audit events are refused by the
database itself, whatever code or SQL asks. The one update let through: setting `user_id`
to NULL and nothing else, which is what the database is asked to do when a person's
account is removed (ForeignKey on_delete=SET_NULL); the event keeps their username.

A later migration that adds a column to the table must run this one's SQL again (drop and
create) so that the SQLite trigger compares the new column too; PostgreSQL's compares the
whole row.
"""

from django.db import migrations

TABLE = "audit_auditevent"
MESSAGE = "the audit log is append-only"


def _columns(apps, connection) -> list[str]:
    model = apps.get_model("audit", "AuditEvent")
    qn = connection.ops.quote_name
    return [qn(f.column) for f in model._meta.concrete_fields if f.column != "user_id"]


def sqlite_sql(columns: list[str]) -> list[str]:
    unchanged = " AND ".join(f"NEW.{c} IS OLD.{c}" for c in columns)
    return [
        f"""
        CREATE TRIGGER {TABLE}_no_update BEFORE UPDATE ON {TABLE}
        WHEN NOT (OLD.user_id IS NOT NULL AND NEW.user_id IS NULL AND {unchanged})
        BEGIN SELECT RAISE(ABORT, '{MESSAGE}: UPDATE refused'); END
        """,
        f"""
        CREATE TRIGGER {TABLE}_no_delete BEFORE DELETE ON {TABLE}
        BEGIN SELECT RAISE(ABORT, '{MESSAGE}: DELETE refused'); END
        """,
    ]


POSTGRESQL_SQL = [
    f"""
    CREATE OR REPLACE FUNCTION {TABLE}_append_only() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP = 'UPDATE' AND OLD.user_id IS NOT NULL AND NEW.user_id IS NULL
           AND (to_jsonb(NEW) - 'user_id') = (to_jsonb(OLD) - 'user_id') THEN
            RETURN NEW;
        END IF;
        RAISE EXCEPTION USING
            MESSAGE = '{MESSAGE}: ' || TG_OP || ' refused', ERRCODE = 'restrict_violation';
    END
    $$
    """,
    f"""
    CREATE TRIGGER {TABLE}_append_only BEFORE UPDATE OR DELETE ON {TABLE}
    FOR EACH ROW EXECUTE FUNCTION {TABLE}_append_only()
    """,
    f"""
    CREATE TRIGGER {TABLE}_no_truncate BEFORE TRUNCATE ON {TABLE}
    FOR EACH STATEMENT EXECUTE FUNCTION {TABLE}_append_only()
    """,
]


def create_triggers(apps, schema_editor) -> None:
    connection = schema_editor.connection
    if connection.vendor == "sqlite":
        statements = sqlite_sql(_columns(apps, connection))
    elif connection.vendor == "postgresql":
        statements = POSTGRESQL_SQL
    else:
        raise NotImplementedError(
            f"The audit log's append-only triggers are written for SQLite and PostgreSQL, "
            f"not {connection.vendor}."
        )
    for sql in statements:
        schema_editor.execute(sql)


def drop_triggers(apps, schema_editor) -> None:
    connection = schema_editor.connection
    if connection.vendor == "sqlite":
        statements = [
            f"DROP TRIGGER IF EXISTS {TABLE}_no_update",
            f"DROP TRIGGER IF EXISTS {TABLE}_no_delete",
        ]
    elif connection.vendor == "postgresql":
        statements = [
            f"DROP TRIGGER IF EXISTS {TABLE}_no_truncate ON {TABLE}",
            f"DROP TRIGGER IF EXISTS {TABLE}_append_only ON {TABLE}",
            f"DROP FUNCTION IF EXISTS {TABLE}_append_only()",
        ]
    else:
        statements = []
    for sql in statements:
        schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_initial")]

    operations = [migrations.RunPython(create_triggers, drop_triggers, elidable=False)]
