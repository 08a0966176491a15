package org.incidentflow.asset;

import java.util.Locale;

/** What a configuration item is. Exchanged in lower case ({@code NETWORK_DEVICE} is {@code "network_device"}). */
public enum CiType {

	BUSINESS_SERVICE, APPLICATION, SERVER, VIRTUAL_MACHINE, NETWORK_DEVICE, DATABASE, STORAGE, LAPTOP, DESKTOP,
	MOBILE_DEVICE, PRINTER, OTHER;

	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

}
