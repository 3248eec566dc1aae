"""S3-compatible storage for attachments, outreach photos and staged media (django-storages).

Files are Fernet-encrypted by lib/uploads before they leave the process; the bucket only ever holds ciphertext
under random names. Objects are private and Jaring never hands out their URLs: an authorised request reads and
decrypts them through the application.
"""

from typing import Any


def s3_storage(
    *,
    bucket: str,
    endpoint_url: str = "",
    region: str = "",
    access_key: str = "",
    secret_key: str = "",
    prefix: str = "",
) -> dict[str, Any]:
    """The STORAGES["default"] entry for a bucket (JARING_S3_* settings)."""
    return {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": bucket,
            "endpoint_url": endpoint_url or None,
            "region_name": region or None,
            "access_key": access_key or None,  # empty: boto3's own chain (instance role, AWS_* variables)
            "secret_key": secret_key or None,
            "location": prefix,
            "default_acl": "private",
            "querystring_auth": True,
            "file_overwrite": False,  # names are random; never replace an object that exists
        },
    }
