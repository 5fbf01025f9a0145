"""sys.stdout/sys.stderr that hand every write to the kernel at once, so prints stream."""
import io

from pagebook_kernel import channel


class CellStream(io.TextIOBase):

    def __init__(self, name, on_capped):
        self.name = name
        self._open = True
        self._on_capped = on_capped

    def writable(self):
        return True

    def write(self, text):
        if not isinstance(text, str):
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        if text and self._open:
            self._open = channel.stream(self.name, text)
            if not self._open:
                self._on_capped()
        return len(text)

    def reopen(self):
        self._open = True

    def flush(self):
        pass

    def isatty(self):
        return False

    @property
    def encoding(self):
        return "utf-8"

    def fileno(self):
        raise io.UnsupportedOperation("cell output has no file descriptor")
