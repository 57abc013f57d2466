"""POST /audit (protocol 1.3): a laptop's audit trail, kept entry by entry (`sync.server.audit_trail`)."""

from fastapi import APIRouter, Depends

from sync.protocol import Paths
from sync.protocol_audit import AuditPush, AuditPushResponse
from sync.server import audit_trail, transactions
from sync.server.deps import CurrentDevice, EngineDep, check_protocol
from sync.server.routes import DEVICE_CALL, documented

router = APIRouter(tags=["audit"], dependencies=[Depends(check_protocol)],
                   responses=documented(*DEVICE_CALL, 413))


@router.post(Paths.AUDIT, response_model=AuditPushResponse)
def push_audit(body: AuditPush, device: CurrentDevice, engine: EngineDep) -> AuditPushResponse:
    """Store the entries that continue the trail the server holds; the answer says how far it holds it
    and, when the laptop's chain stopped continuing the server's copy, from which entry (the device is
    flagged)."""
    return transactions.run_write(engine, lambda conn: audit_trail.receive(conn, device.id, body.entries))
