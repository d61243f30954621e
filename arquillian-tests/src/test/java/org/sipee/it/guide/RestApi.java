package org.sipee.it.guide;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The guide's REST endpoints live under /api. */
@ApplicationPath("api")
public class RestApi extends Application {
}
