package org.layerlab.compute.data;

/**
 * A data set that cannot be loaded, with the file and the place in it ("scores.csv: line 12: 4 fields, the header
 * has 5"). LayerLab's own error for every data source: windows and the command line show {@link #getMessage()}.
 */
public class DataException extends Exception {
    private final String file;
    private final String place;
    private final String problem;

    /** {@code file} and {@code place} may be null (a generator has no file; a missing file has no place). */
    public DataException(String file, String place, String problem) { this(file, place, problem, null); }

    public DataException(String file, String place, String problem, Throwable cause) {
        super(compose(file, place, problem), cause);
        this.file = file;
        this.place = place;
        this.problem = problem;
    }

    /** The file as the user named it, or null. */
    public String file() { return file; }

    /** Where in the file ("line 12", "line 3, column 2 (age)", "image 17"), or null. */
    public String place() { return place; }

    /** What is wrong, without file and place. */
    public String problem() { return problem; }

    private static String compose(String file, String place, String problem) {
        StringBuilder sb = new StringBuilder();
        if (file != null) sb.append(file).append(": ");
        if (place != null) sb.append(place).append(": ");
        return sb.append(problem).toString();
    }
}
