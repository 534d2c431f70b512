import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;

/**
 * Writes a copy of a workbook with one cell of its first sheet changed, the way an analyst's edit
 * would: {@code java -cp <poi jars> SetCell.java <in.xlsx> <out.xlsx> <CELL> <text>}.
 */
public class SetCell {
  public static void main(String[] args) throws Exception {
    Workbook wb;
    try (InputStream in = Files.newInputStream(Path.of(args[0]))) {
      wb = WorkbookFactory.create(in);
    }
    try (wb) {
      Sheet sheet = wb.getSheetAt(0);
      CellReference at = new CellReference(args[2]);
      Row row = sheet.getRow(at.getRow()) == null ? sheet.createRow(at.getRow()) : sheet.getRow(at.getRow());
      Cell cell = row.getCell(at.getCol(), Row.MissingCellPolicy.CREATE_NULL_AS_BLANK);
      cell.setCellValue(args[3]);
      try (OutputStream out = Files.newOutputStream(Path.of(args[1]))) {
        wb.write(out);
      }
    }
  }
}
