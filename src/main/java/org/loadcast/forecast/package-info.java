/**
 * Time-series forecasting for predictive autoscaling and growth projection.
 *
 * <p>Holt-Winters exponential smoothing (additive and multiplicative seasonality) in the classic
 * R {@code stats::HoltWinters} formulation, with R's initialisation, so that fitted values match R to
 * 1e-9; parameter fitting by bounded optimisation; and forecast accuracy metrics (MAE, RMSE, MAPE,
 * sMAPE, MASE) as defined by Hyndman and Koehler (2006).
 *
 * <p>This package is pure: no I/O, no clock, and it depends on nothing else in Loadcast.
 */
package org.loadcast.forecast;
