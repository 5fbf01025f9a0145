package dev.pagebook.format;

import dev.pagebook.format.model.PythonCell;

/**
 * The exact text a Python cell was read from, split so the writer can reuse every part that the
 * edit did not touch.
 *
 * @param value        the cell as read
 * @param startTag     the start tag text
 * @param content      the raw text between the tags
 * @param endTag       the end tag text
 * @param gap          text between the end tag and the output element (whitespace), "" if none
 * @param outputElement the whole output element, or null if the cell had none
 * @param trailing     whitespace after the cell up to the next segment
 * @param idInFile     whether the element carried its id
 * @param targetInFile whether the element carried the managed {@code target}
 */
record CellOrigin(PythonCell value, String startTag, String content, String endTag, String gap,
                  String outputElement, String trailing, boolean idInFile, boolean targetInFile) {
}
