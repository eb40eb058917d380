"""uvicorn's httptools protocol with the guards GuardedH11Protocol has (api/serving.py).

httptools (llhttp) parses a head of any size and gives no deadline, so this protocol
adds both: a request head must be complete within TPPS_HEADER_SECONDS of the
connection opening or the previous response ending (else 408 if part of a head came,
and the connection is closed), and may not grow past MAX_HEADER_BYTES, complete or not
(431, closed).

The size of an incomplete head is counted from the bytes received while a head is due;
a pipelined head that starts in the same read as the end of a body is counted from the
next read on (httptools does not say where in a read a message begins), so it may take
one read more before the cap bites. A complete head is measured from what was parsed
(request line and headers), so a head that arrives in one large read is capped too.
"""

from __future__ import annotations

from uvicorn.protocols.http.httptools_impl import STATUS_LINE, HttpToolsProtocol

from api.serving import MAX_HEADER_BYTES, HeadDeadline

# What a parsed head carries besides its URL and headers' names and values: the method,
# " HTTP/1.1\r\n", ": " and "\r\n" per header, the final "\r\n" (a lower bound).
LINE_BYTES = 12
HEADER_BYTES = 4


class HeadRefused(Exception):
    """Stops httptools parsing a head already answered (it is raised from a callback)."""


class GuardedHttpToolsProtocol(HeadDeadline, HttpToolsProtocol):
    """uvicorn's httptools protocol with a deadline and a size cap for each request head."""

    _head_bytes = 0  # bytes received since a head became due
    _head_due = True  # between a message's end (or the connection's start) and its head
    _refused = False

    def data_received(self, data: bytes) -> None:
        if self._refused:
            return
        if self._head_due:
            self._head_bytes += len(data)
        super().data_received(data)
        if self._head_due and self._head_bytes > MAX_HEADER_BYTES:
            self._refuse(431, "Request head too large.")

    def on_message_begin(self) -> None:
        super().on_message_begin()
        self._head_due = True

    def on_headers_complete(self) -> None:
        self._head_due, self._head_bytes = False, 0
        self._disarm()
        size = (len(self.url) + LINE_BYTES
                + sum(len(name) + len(value) + HEADER_BYTES for name, value in self.headers))
        if size > MAX_HEADER_BYTES:
            self._refuse(431, "Request head too large.")
            raise HeadRefused  # the request is not run; httptools stops here
        super().on_headers_complete()

    def on_message_complete(self) -> None:
        super().on_message_complete()
        self._head_due, self._head_bytes = True, 0

    def on_response_complete(self) -> None:
        super().on_response_complete()
        if not self.transport.is_closing() and self._waiting_for_head():
            self._arm()  # the next request head has the same deadline

    def send_400_response(self, msg: str) -> None:
        if not self._refused:  # HeadRefused reaches uvicorn as a parser error
            self._refuse(400, msg)

    def _head_late(self) -> None:
        self._head_timer = None
        if self._waiting_for_head() and not self.transport.is_closing():
            if self._head_bytes:  # a client that sent part of a head is told why
                self._refuse(408, "Request head not complete in time.")
            else:
                self.transport.close()

    def _refuse(self, status: int, message: str) -> None:
        """Answer `status` with `message` and close the connection."""
        self._refused = True
        self._disarm()
        if self.transport.is_closing():
            return
        body = message.encode("ascii")
        head = [STATUS_LINE[status]]
        for name, value in self.server_state.default_headers:
            head += [name, b": ", value, b"\r\n"]
        head += [b"content-type: text/plain; charset=utf-8\r\n",
                 b"content-length: ", str(len(body)).encode("ascii"), b"\r\n",
                 b"connection: close\r\n\r\n", body]
        self.transport.write(b"".join(head))
        self.transport.close()
