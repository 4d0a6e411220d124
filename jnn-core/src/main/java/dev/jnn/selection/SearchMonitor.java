package dev.jnn.selection;

import java.util.Map;

/** Watches a search as its fits finish (a live page, a log); called from the thread that ran the fit. */
public interface SearchMonitor {
    /**
     * One fit finished.
     *
     * @param candidate  the candidate's index in {@link GridSearchCV#candidates()}
     * @param params     its parameters
     * @param split      the cross-validation split
     * @param testScore  its score on the split's test rows (the first metric; NaN when the fit failed)
     * @param fitSeconds the fit's seconds
     * @param done       fits finished so far, this one included
     * @param total      fits in the search
     */
    void onFit(int candidate, Map<String, Object> params, int split, double testScore, double fitSeconds, int done,
               int total);
}
