"""Opens workbooks in a running LibreOffice (headless, over a UNO socket), optionally changes cells
the way an analyst types them, and saves them in place as .xlsx, as Calc's File > Save does.

  /usr/bin/python3 bench/lo_calc.py PORT FILE [CELL=VALUE ...]

VALUE is typed into the cell as at the keyboard (Calc turns 2.5 into a number, $2.50 into a
number shown as currency, TRUE into a boolean, 2026-06-30 into a date); a VALUE starting with '
is stored as text, as Calc does when one types '2.50 USD. CELL is like H12, on the first sheet. Called by
bench/libreoffice-roundtrip.sh, which starts LibreOffice.
"""
import os
import sys
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def connect(port):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(60):
        try:
            ctx = resolver.resolve(
                "uno:socket,host=127.0.0.1,port=%s;urp;StarOffice.ComponentContext" % port)
            return ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        except Exception:
            time.sleep(0.5)
    sys.exit("LibreOffice did not answer on port %s" % port)


def main():
    port, path, edits = sys.argv[1], os.path.abspath(sys.argv[2]), sys.argv[3:]
    desktop = connect(port)
    url = uno.systemPathToFileUrl(path)
    doc = desktop.loadComponentFromURL(url, "_blank", 0, (prop("Hidden", True),))
    sheet = doc.Sheets.getByIndex(0)
    for edit in edits:
        ref, value = edit.split("=", 1)
        cell = sheet.getCellRangeByName(ref)
        if value.startswith("'"):
            cell.setString(value[1:])  # typed with a leading ' : text, whatever it looks like
        else:
            cell.setFormula(value)  # as typed: Calc decides number, boolean, date or text
    doc.storeToURL(url, (prop("FilterName", "Calc MS Excel 2007 XML"),))
    doc.close(True)
    print("%s: saved by LibreOffice%s" % (sys.argv[2], "" if not edits else ", " + ", ".join(edits)))


main()
