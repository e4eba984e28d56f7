"""Prints, as JSON, each botocore service's name and the metadata that names it: serviceId (the AWS
SDK for Java v2 derives its client name, which Step Functions uses, from it), signingName and
endpointPrefix (the IAM prefix for nearly every service). Run by generate.ts in a throwaway venv."""
import json

import botocore
import botocore.session

loader = botocore.session.get_session().get_component("data_loader")
services = {}
for name in sorted(loader.list_available_services("service-2")):
    metadata = loader.load_service_model(name, "service-2")["metadata"]
    services[name] = {key: metadata.get(key) for key in ("serviceId", "signingName", "endpointPrefix") if metadata.get(key)}
print(json.dumps({"botocore": botocore.__version__, "services": services}, sort_keys=True))
