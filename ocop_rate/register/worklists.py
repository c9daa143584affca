"""The office's monthly worklists, by province and commune: who is due to file for
re-evaluation, who is in the grace of a late filing, and whose certificate has expired so
that market checks can have the OCOP logo taken off the shelf. Reads only.

* due — an unfiled, valid certificate whose filing window (Điều 7.6.a: "không sớm hơn 180
  ngày và không muộn hơn 120 ngày tính đến ngày hết thời hạn") is open on the day, opens
  within ``within`` days, or has closed unfiled while the certificate still runs
  (:func:`ocop_rate.register.queries.due`).
* grace — past expiry, but a re-evaluation filed late keeps it valid "đến ngày có kết quả xử
  lý của cơ quan có thẩm quyền, nhưng không quá 180 ngày tính từ ngày hết thời hạn"
  (Điều 12.3): the register's status ``extended``.
* expired — past expiry with no newer certificate, no grace, not revoked: the product may
  no longer carry the OCOP logo (Điều 4.3: the certificate "có giá trị trong thời hạn 36
  tháng"). Revoked certificates are the revocation decision's business (Điều 8), not listed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ocop_rate.models.register import CertificateView
from ocop_rate.register import queries
from ocop_rate.register.store import Register

LISTS = ("due", "grace", "expired")


@dataclass(frozen=True)
class WorkItem:
    """One line of a worklist: which list, the certificate, and the dates that matter."""

    list: str                 # due, grace, expired
    state: str                # due: opening, open, closed-unfiled; grace: extended; expired
    certificate: CertificateView
    until: date | None        # due: the window's last day; grace: its last day; expired: -
    days: int                 # due: days to expiry; grace: days left; expired: days since


def worklist(register: Register, on: date, within: int = 30, province: str | None = None,
             commune: str | None = None) -> list[WorkItem]:
    """The three lists as of ``on``, filtered to a province and/or commune, in the order
    province, commune, list, expiry, product."""
    items = [WorkItem("due", d.state, d.certificate, d.certificate.window_closes,
                      d.days_to_expiry) for d in queries.due(register, on, within)]
    for v in queries.expired(register, on):
        if v.status == "extended":
            assert v.status_until is not None
            items.append(WorkItem("grace", "extended", v, v.status_until,
                                  (v.status_until - on).days))
        else:
            items.append(WorkItem("expired", "expired", v, None, (on - v.expires_on).days))
    from ocop_rate.places import key as place_key  # "xã Đầm Hà" is "Đầm Hà"

    wanted = [(attr, place_key(value)) for attr, value in
              (("province", province), ("commune", commune)) if value]
    items = [i for i in items if all(place_key(getattr(i.certificate, attr) or "") == key
                                     for attr, key in wanted)]
    order = {name: n for n, name in enumerate(LISTS)}
    items.sort(key=lambda i: (i.certificate.province or "", i.certificate.commune or "",
                              order[i.list], i.certificate.expires_on,
                              i.certificate.product_id))
    return items
