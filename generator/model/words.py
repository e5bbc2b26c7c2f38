"""A certificate's status in words, as every output that shows it says it (pages, badges, share
cards, the staff report)."""

from __future__ import annotations

from generator.model.catalogue import Certification, Status
from generator.text import vndate


def status_text(cert: Certification, reason: bool = True) -> str:
    """The certificate's status on the build date in words (plain text)."""
    if cert.status is Status.REVOKED:
        words = f"Đã thu hồi ngày {vndate(cert.revoked_date)}"
        return words + (f": {cert.revoked_reason}" if reason and cert.revoked_reason else "")
    if cert.status is Status.EXPIRED:
        return f"Hết hiệu lực từ {vndate(cert.expires)}"
    if cert.status is Status.EXPIRING:
        return f"Sắp hết hạn: hiệu lực đến {vndate(cert.expires)} (còn {cert.days_left} ngày)"
    return f"Còn hiệu lực đến {vndate(cert.expires)}"
