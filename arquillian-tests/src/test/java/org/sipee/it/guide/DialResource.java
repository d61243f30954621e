package org.sipee.it.guide;

import jakarta.annotation.Resource;
import jakarta.resource.ResourceException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.sipee.rar.api.SipConnection;
import org.sipee.rar.api.SipConnectionFactory;

/** POST /api/dial?to=sip:bob@192.0.2.10:5060 places a call and answers with its Call-ID. */
@Path("dial")
public class DialResource {

    @Resource(lookup = "java:/sip/SipConnectionFactory")
    SipConnectionFactory sip;

    @POST
    public Response dial(@QueryParam("to") String to) throws ResourceException {
        try (SipConnection connection = sip.getConnection()) {
            String callId = connection.dial("sip:guide@127.0.0.1", to); // its responses go to the response handlers
            return Response.ok(callId).build();
        } catch (IllegalArgumentException badTarget) {              // not a SIP URI, or not an IP literal host
            return Response.status(Response.Status.BAD_REQUEST).entity(badTarget.getMessage()).build();
        }
    }
}
